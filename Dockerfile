# Clara's image: build with the pinned toolchain, run the one binary on distroless (glibc, no shell).
#
#   docker build -t clara .
#   docker run --rm -e PORT=10000 -p 10000:10000 clara
#   curl localhost:10000/health
#
# Nothing to mount: data/ and audio/ are compiled into the binary by build.rs. Configuration is
# environment only (src/config.rs, VARIABLES; docs/RENDER-DEPLOY.md lists every variable).

# ---- builder ---------------------------------------------------------------------------------
# The tag's version is rust-toolchain.toml's channel (tests/deploy_config.rs checks they agree).
# Bookworm, to match the glibc of the distroless/cc-debian12 runtime below.
FROM rust:1.95.0-slim-bookworm AS builder
WORKDIR /src
ENV CARGO_TERM_COLOR=never \
    CARGO_INCREMENTAL=0

# 1. Dependencies only, in their own layer: rebuilt when Cargo.toml or Cargo.lock change, not
#    on every source edit. Stand-in sources satisfy the manifest (the [[bin]], the [[bench]] and
#    build.rs); the crate's own artefacts are then removed so that step 2 rebuilds it.
COPY Cargo.toml Cargo.lock ./
RUN mkdir -p src benches \
    && echo 'fn main() {}' > src/main.rs \
    && touch src/lib.rs \
    && echo 'fn main() {}' > benches/responder.rs \
    && echo 'fn main() {}' > build.rs \
    && cargo build --release --locked \
    && rm -rf src benches build.rs \
        target/release/clara target/release/clara.d target/release/libclara.* \
        target/release/deps/clara-* target/release/deps/libclara-* \
        target/release/.fingerprint/clara-* target/release/build/clara-*

# 2. The crate, with the same command scripts/verify.sh runs. The whole context is copied (what
#    .dockerignore leaves in), so a new include_str! file needs no change here; build.rs reads
#    data/, audio/ and src/kb/{compile,normalize,schema}.rs and fails on a knowledge-base
#    problem. rust-toolchain.toml is ignored: this image already is that toolchain, and its
#    `components` would make rustup download rustfmt and clippy for nothing.
#    /out/var becomes the working directory, writable by the non-root user: dead letters and
#    the miss journal are written there.
COPY . .
RUN cargo build --release --locked \
    && install -D -m 0755 target/release/clara /out/clara \
    && install -d -m 0755 /out/var

# ---- runtime ---------------------------------------------------------------------------------
# glibc, libgcc, CA certificates and a non-root user (uid 65532); no shell, no package manager.
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=builder /out/clara /usr/local/bin/clara
COPY --from=builder --chown=65532:65532 /out/var /var/lib/clara
WORKDIR /var/lib/clara
USER 65532:65532

# Render sends traffic to $PORT (10000 unless set otherwise); the binary reads PORT.
ENV PORT=10000
EXPOSE 10000

# The runtime has no curl: the binary probes itself (GET 127.0.0.1:$PORT/health, 2 s budget).
# Render ignores HEALTHCHECK and uses healthCheckPath from render.yaml; plain Docker uses this.
HEALTHCHECK --interval=30s --timeout=5s --start-period=5s --retries=3 \
    CMD ["/usr/local/bin/clara", "healthcheck"]

# SIGTERM (docker stop, Render) starts a graceful shutdown of up to 25 s.
STOPSIGNAL SIGTERM
ENTRYPOINT ["/usr/local/bin/clara"]
CMD ["serve"]
