//! The bounded pipeline: a fixed pool of tokio tasks behind a bounded queue. When the queue is
//! full the webhook answers `busy` at once instead of queueing, so memory never grows with load.
//! Every job ends in a message to the person — an answer or a template — or in the dead-letter
//! file; a panicking job is answered with `llm_failed`.

use std::num::NonZeroUsize;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant, SystemTime};

use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinSet;
use tracing::{error, info, warn};

use super::answer_cache::{self, AnswerCache};
use super::compose;
use super::dead_letter::{DeadLetter, DeadLetters};
use super::durable::{self, Entry, Heartbeat, Queued};
use super::journal::{self, Journal};
use super::media::MediaFetcher;
use super::rate_limit::RateLimiter;
use crate::config::Config;
use crate::conversation;
use crate::kb::normalize::Normalized;
use crate::kb::{self, Answer, Curated, GuardCategory, Lang, Note};
use crate::metrics::{AnswerSource, Metrics};
use crate::observability::SenderId;
use crate::outbound::gemini::{AnswerRequest, Gemini, GeminiError};
use crate::outbound::twilio::{DeliveryError, Outgoing, Twilio};
use crate::redact;
use crate::respond::{Context, Intent, Responder};
use crate::shared::{Outbox, Redis};
use crate::voice::{self, Speaker, TtsCache};

/// Answers remembered by the hot cache.
const ANSWER_CACHE_CAPACITY: usize = 2048;

/// Output tokens allowed for one answer: ~110 words in any of the four languages, with room
/// (Arabic takes the most tokens per word).
const MAX_OUTPUT_TOKENS: u32 = 700;

/// One message for the miss path.
#[derive(Debug, Clone)]
pub struct Job {
    pub message_sid: String,
    /// `whatsapp:+…`: where the reply goes. Never logged, never stored.
    pub from: String,
    /// The keyed hash of `from`, computed once by the webhook: what logs, limits and dead
    /// letters use.
    pub sender: SenderId,
    /// The person's words as they wrote them; redacted (`crate::redact`) before they are sent to
    /// Gemini or written anywhere.
    pub text: String,
    /// The language detected on the webhook (the transcript may change it).
    pub lang: Lang,
    /// What the conversation remembered when the message came: a transcript is read in it as a
    /// typed message is, and a miss that names no procedure is asked of Gemini about the
    /// conversation's ("i only worked 6 months" after the unemployment benefit).
    pub context: Context,
    /// A voice note to transcribe.
    pub voice: Option<Media>,
    pub received: Instant,
    /// Where the job sits in the durable queue (`REDIS_URL`); `None`: in this process only.
    pub entry: Option<Entry>,
}

/// A media attachment.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Media {
    pub url: String,
    pub content_type: String,
}

/// The services a worker calls. Built once from the configuration.
pub struct Services {
    pub responder: Responder,
    pub gemini: Gemini,
    pub twilio: Twilio,
    pub media: MediaFetcher,
    pub llm_live: bool,
    pub whisper_on: bool,
    pub structured: bool,
    pub llm_timeout: Duration,
    pub whisper_timeout: Duration,
    /// `AUDIO_BASE_URL`, else `PUBLIC_URL/static/cache` (not escaped: this goes in a form field).
    pub audio_base: Option<String>,
    /// Speaks Gemini's answers to voice notes (`TTS_PROVIDER`; [`voice::NoSpeaker`] when `none`).
    pub speaker: Arc<dyn Speaker>,
    /// Spoken replies, served at `/static/tts/<name>`.
    pub tts_cache: TtsCache,
    /// `PUBLIC_URL/static/tts`: where Twilio fetches a spoken reply. Without a public URL there
    /// is no link to give, so no spoken reply.
    pub tts_base: Option<String>,
    pub answers: AnswerCache,
    /// Redis (`REDIS_URL`), where the answer cache and the durable miss queue are shared with
    /// the other instances; `None`: [`Services::answers`] and the queue in this process alone.
    pub shared: Option<Arc<Redis>>,
    /// The conversations the webhook remembers, moved on here by a voice note's transcript (a
    /// compiled answer, or a part asked of no procedure); `None`: a pipeline run without the
    /// webhook (tests).
    pub conversations: Option<Arc<conversation::Store>>,
    /// `MISS_CLAIM_AFTER`: how long a queued miss may stay unfinished before another instance
    /// takes it over.
    pub claim_after: Duration,
    pub limiter: RateLimiter,
    pub dead_letters: DeadLetters,
    pub journal: Journal,
    /// Where the answer cache is snapshotted (`HOT_CACHE_PATH`).
    pub hot_cache_path: Option<std::path::PathBuf>,
    pub metrics: Arc<Metrics>,
}

impl Services {
    /// The services for `config`, or `None` when the miss pipeline is off for it.
    ///
    /// # Errors
    /// An HTTP client could not be built.
    pub fn from_config(config: &Config, metrics: Arc<Metrics>) -> anyhow::Result<Option<Services>> {
        if !config.miss_pipeline_enabled() {
            return Ok(None);
        }
        let (Some(key), Some(sid), Some(token)) = (
            &config.gemini_api_key,
            &config.twilio_account_sid,
            &config.twilio_auth_token,
        ) else {
            return Ok(None);
        };
        let http = crate::outbound::client()?;
        let gemini = Gemini::new(
            http.clone(),
            &config.gemini_base_url,
            key.clone(),
            &config.gemini_model,
            &config.gemini_tts_model,
        );
        let services = Services {
            responder: Responder::new(config.guardrails),
            speaker: voice::speaker(
                config.tts_provider,
                Some(gemini.clone()),
                &config.gemini_tts_voice,
                voice::DEFAULT_TIMEOUT,
            ),
            tts_cache: TtsCache::default(),
            tts_base: config
                .public_url
                .as_ref()
                .map(|u| format!("{u}/static/tts")),
            gemini,
            twilio: Twilio::new(
                http,
                &config.twilio_api_base_url,
                sid,
                token.clone(),
                &config.twilio_from,
                Default::default(),
            ),
            media: MediaFetcher::new(config.twilio_media_hosts.clone(), sid, token.clone())?,
            llm_live: config.llm_live,
            whisper_on: config.whisper_on,
            structured: config.structured_output,
            llm_timeout: config.llm_timeout,
            whisper_timeout: config.whisper_timeout,
            audio_base: config.audio_base(),
            answers: AnswerCache::new(NonZeroUsize::new(ANSWER_CACHE_CAPACITY).expect("non-zero")),
            shared: None,
            conversations: None,
            claim_after: config.miss_claim_after,
            limiter: RateLimiter::new(config.miss_rate_limit),
            dead_letters: DeadLetters::new(config.dead_letter_path.clone()),
            journal: Journal::new(config.miss_journal_path.clone()),
            hot_cache_path: config.hot_cache_path.clone(),
            metrics,
        };
        if let Some(path) = &services.hot_cache_path {
            services.answers.load(path, SystemTime::now());
        }
        Ok(Some(services))
    }

    /// Saves the answer cache to `HOT_CACHE_PATH`, if set (on graceful shutdown).
    pub fn save_hot_cache(&self) {
        let Some(path) = &self.hot_cache_path else {
            return;
        };
        match self.answers.save(path) {
            Ok(saved) => info!(saved, path = %path.display(), "hot cache snapshot saved"),
            Err(err) => warn!(cause = %err, path = %path.display(), "hot cache snapshot not saved"),
        }
    }
}

/// Why [`Pipeline::submit`] did not queue a job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// The sender has used up their misses for now (`MISS_RATE_LIMIT`).
    RateLimited,
    /// The queue is full, or the service is shutting down.
    Busy,
}

/// The queue and its workers.
pub struct Pipeline {
    services: Arc<Services>,
    intake: Intake,
    /// Kept so that a drain cut short can dead-letter what is still queued.
    rx: Arc<Mutex<mpsc::Receiver<Job>>>,
    capacity: usize,
    workers: Mutex<JoinSet<()>>,
}

/// Room for one job in the queue, reserved before a durable job is written to Redis, so that a
/// job in the stream always has a worker's place here.
pub struct Slot {
    permit: mpsc::OwnedPermit<Job>,
    depth: Arc<AtomicUsize>,
}

impl Slot {
    /// Queues `job` in the reserved place.
    pub fn queue(self, job: Job) {
        self.depth.fetch_add(1, Ordering::Relaxed);
        self.permit.send(job);
    }
}

/// The queue's sending side, shared by the webhook and the task that claims orphans.
#[derive(Clone)]
pub(super) struct Intake {
    /// `None` once draining has started.
    tx: Arc<std::sync::Mutex<Option<mpsc::Sender<Job>>>>,
    /// Jobs waiting.
    depth: Arc<AtomicUsize>,
}

impl Intake {
    /// Whether jobs are still taken (not draining).
    pub(super) fn is_open(&self) -> bool {
        self.tx.lock().is_ok_and(|tx| tx.is_some())
    }

    fn reserve(&self) -> Result<Slot, Refused> {
        let Some(tx) = self.tx.lock().ok().and_then(|tx| tx.clone()) else {
            return Err(Refused::Busy);
        };
        let permit = tx.try_reserve_owned().map_err(|_| Refused::Busy)?;
        Ok(Slot {
            permit,
            depth: Arc::clone(&self.depth),
        })
    }

    /// Queues `job` if there is room.
    pub(super) fn try_queue(&self, job: Job) -> Queued {
        match self.reserve() {
            Ok(slot) => {
                slot.queue(job);
                Queued::Yes
            }
            Err(_) if self.is_open() => Queued::Full,
            Err(_) => Queued::Closed,
        }
    }
}

impl Pipeline {
    /// Starts `workers` tasks behind a queue of `capacity` jobs.
    pub fn start(services: Arc<Services>, workers: usize, capacity: usize) -> Pipeline {
        Pipeline::start_with(services, workers, capacity, |s, job| async move {
            process(&s, job).await
        })
    }

    /// [`Pipeline::start`] with another job handler: lets tests prove that a handler that panics
    /// still ends in a message to the person.
    pub fn start_with<F, Fut>(
        services: Arc<Services>,
        workers: usize,
        capacity: usize,
        handler: F,
    ) -> Pipeline
    where
        F: Fn(Arc<Services>, Job) -> Fut + Clone + Send + Sync + 'static,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        let (tx, rx) = mpsc::channel::<Job>(capacity);
        let rx = Arc::new(Mutex::new(rx));
        let queue = Arc::clone(&rx);
        let depth = Arc::new(AtomicUsize::new(0));
        let mut set = JoinSet::new();
        for _ in 0..workers {
            let (rx, depth, services) =
                (Arc::clone(&rx), Arc::clone(&depth), Arc::clone(&services));
            let handler = handler.clone();
            set.spawn(async move {
                loop {
                    let job = rx.lock().await.recv().await;
                    let Some(job) = job else { break };
                    depth.fetch_sub(1, Ordering::Relaxed);
                    // Its own task, so that a panic is caught here and still answered.
                    let task = tokio::spawn(handler(Arc::clone(&services), job.clone()));
                    if let Err(err) = task.await {
                        error!(
                            message_sid = job.message_sid.as_str(),
                            panicked = err.is_panic(),
                            "miss job failed; sending llm_failed"
                        );
                        let reply = Reply::template(Curated::LlmFailed, job.lang, "panic");
                        send(&services, &job, &reply).await;
                        services.metrics.answered(AnswerSource::Fallback);
                    }
                }
            });
        }
        let intake = Intake {
            tx: Arc::new(std::sync::Mutex::new(Some(tx))),
            depth,
        };
        if let Some(redis) = &services.shared {
            tokio::spawn(durable::reclaim_orphans(
                Arc::clone(&services),
                Arc::clone(redis),
                intake.clone(),
            ));
        }
        Pipeline {
            services,
            intake,
            capacity,
            workers: Mutex::new(set),
            rx: queue,
        }
    }

    /// Queues a job, unless the queue is full (or draining) or its sender is over the
    /// per-sender limit (so that one sender cannot fill the shared queue).
    ///
    /// # Errors
    /// Why the job was not queued; the webhook answers the person inline.
    pub fn submit(&self, job: Job) -> Result<(), Refused> {
        self.admit_here(self.reserve()?, job)
    }

    /// Queues `job` in `slot` if its sender is within this instance's own limit.
    ///
    /// # Errors
    /// The sender is over the limit.
    pub fn admit_here(&self, slot: Slot, job: Job) -> Result<(), Refused> {
        if !self.services.limiter.allow(job.sender, Instant::now()) {
            return Err(Refused::RateLimited);
        }
        slot.queue(job);
        Ok(())
    }

    /// Reserves room for one job (for a job the caller admits itself, through Redis).
    ///
    /// # Errors
    /// The queue is full (or draining).
    pub fn reserve(&self) -> Result<Slot, Refused> {
        self.intake.reserve()
    }

    /// Jobs waiting.
    pub fn depth(&self) -> usize {
        self.intake.depth.load(Ordering::Relaxed)
    }

    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The services the workers use.
    pub fn services(&self) -> &Arc<Services> {
        &self.services
    }

    /// Stops taking jobs and lets the workers finish the queue, up to `deadline`.
    ///
    /// Jobs still queued at the deadline are not dropped. A durable job (in Redis) stays
    /// pending there, and a live instance (or this one, restarted) claims it after
    /// `MISS_CLAIM_AFTER`. Any other is written to the dead-letter file with the `llm_failed`
    /// template (which has the phone numbers), so `clara redeliver` can still answer the person.
    pub async fn drain(&self, deadline: Duration) {
        if let Ok(mut tx) = self.intake.tx.lock() {
            tx.take();
        }
        info!(waiting = self.depth(), "draining the miss queue");
        let mut workers = self.workers.lock().await;
        let all = async { while workers.join_next().await.is_some() {} };
        if tokio::time::timeout(deadline, all).await.is_ok() {
            return;
        }
        workers.abort_all();
        while workers.join_next().await.is_some() {}
        let mut rx = self.rx.lock().await;
        let (mut kept, mut pending) = (0, 0);
        while let Ok(job) = rx.try_recv() {
            self.intake.depth.fetch_sub(1, Ordering::Relaxed);
            if job.entry.is_some() {
                pending += 1;
                continue;
            }
            let reply = Reply::template(
                Curated::LlmFailed,
                job.lang,
                "shutdown before the reply was ready",
            );
            dead_letter(&self.services, &job, &reply, reply.reason).await;
            kept += 1;
        }
        warn!(
            dead_lettered = kept,
            left_in_redis = pending,
            "miss queue not drained before the deadline: the rest are dead letters or left to another instance"
        );
    }
}

/// What the pipeline decided to send.
struct Reply {
    text: String,
    media_url: Option<String>,
    source: AnswerSource,
    lang: Lang,
    reason: &'static str,
    /// Parts Twilio took before (the job was claimed from another instance mid-delivery).
    parts_sent: usize,
}

impl Reply {
    fn template(which: Curated, lang: Lang, reason: &'static str) -> Reply {
        Reply {
            text: kb::curated(which, lang).text.to_string(),
            media_url: None,
            source: AnswerSource::Fallback,
            lang,
            reason,
            parts_sent: 0,
        }
    }

    /// After a template for a Gemini that could not answer: the official link and phone of the
    /// procedure the words leaned to, so that a failure still points somewhere useful. (Not after
    /// `fallback_generic`, which lists every procedure, as the webhook sends it for a text miss.)
    fn naming(mut self, guess: Option<kb::ProcedureId>) -> Reply {
        if let Some(procedure) = guess {
            self.text.push_str("\n\n");
            self.text
                .push_str(kb::procedure(procedure).contacto.get(self.lang));
        }
        self
    }

    /// The reply another instance decided and recorded before it stopped.
    fn recorded(outbox: Outbox, lang: Lang) -> Reply {
        Reply {
            text: outbox.body,
            media_url: outbox.media_url,
            source: AnswerSource::parse(&outbox.source).unwrap_or(AnswerSource::Llm),
            lang,
            reason: "claimed",
            parts_sent: outbox.parts_sent,
        }
    }

    /// The compiled guardrail answer of `category` (crisis lines or a refusal), with its
    /// recording, for a miss Gemini recognised as one.
    fn guardrail(category: GuardCategory, lang: Lang, audio_base: Option<&str>) -> Reply {
        Reply {
            source: AnswerSource::Guardrail,
            reason: journal::guardrail_source(category),
            ..Reply::compiled(kb::curated(category.answer(), lang), None, audio_base)
        }
    }

    /// A compiled answer, followed by `note` (`Reply::note`: the danger lines, or the one about
    /// a place outside Madrid) when there is one: here, off the webhook, one message holds both
    /// (delivery splits a long body).
    fn compiled(
        answer: &'static Answer,
        note: Option<&'static Answer>,
        audio_base: Option<&str>,
    ) -> Reply {
        let media_url = answer
            .audio()
            .zip(audio_base)
            .map(|(a, base)| format!("{base}/{}", a.name));
        let reply = Reply {
            text: answer.text.to_string(),
            media_url,
            source: AnswerSource::Cache,
            lang: answer.lang,
            reason: "cache",
            parts_sent: 0,
        };
        match note {
            Some(note) => reply.followed_by(note),
            None => reply,
        }
    }

    /// This reply with `note` after it, in the same message.
    fn followed_by(self, note: &Answer) -> Reply {
        Reply {
            text: format!("{}\n\n{}", self.text, note.text),
            ..self
        }
    }
}

/// The whole miss path for one job.
pub async fn process(s: &Services, job: Job) {
    let started = Instant::now();
    // A job claimed from another instance delivers the reply decided there, if there was one.
    let recorded = match (&job.entry, &s.shared) {
        (Some(Entry { claimed: true, .. }), Some(redis)) => {
            redis.outbox(&job.message_sid).await.ok().flatten()
        }
        _ => None,
    };
    let reply = match recorded {
        Some(outbox) => Reply::recorded(outbox, job.lang),
        None => decide_and_speak(s, &job).await,
    };
    let sent = send(s, &job, &reply).await;
    s.metrics.answered(reply.source);
    info!(
        message_sid = job.message_sid.as_str(),
        from = %job.sender,
        lang = reply.lang.as_str(),
        source = reply.source.as_str(),
        reason = reply.reason,
        delivered = sent,
        total_ms = started.elapsed().as_millis() as u64,
        queued_ms = started.duration_since(job.received).as_millis() as u64,
        "miss answered"
    );
}

/// The reply to `job`, spoken when it answers a voice note.
async fn decide_and_speak(s: &Services, job: &Job) -> Reply {
    let mut reply = decide(s, job).await;
    // A voice note gets a voice back. Compiled answers carry their own audio; templates are not
    // spoken, because they mostly follow a Gemini failure and speaking them would make the
    // person wait for a second failure before the text.
    if job.voice.is_some()
        && reply.media_url.is_none()
        && reply.source == AnswerSource::Llm
        && let Some(base) = &s.tts_base
        && let Some(name) =
            voice::voice_reply(s.speaker.as_ref(), &s.tts_cache, &reply.text, reply.lang).await
    {
        reply.media_url = Some(format!("{base}/{name}"));
    }
    reply
}

async fn decide(s: &Services, job: &Job) -> Reply {
    let (words, lang_hint) = match &job.voice {
        None => (job.text.clone(), Some(job.lang)),
        Some(_) if !s.whisper_on => {
            return Reply::template(Curated::TranscriptionFailed, job.lang, "transcription off");
        }
        Some(media) => match transcribe(s, media).await {
            Ok(t) => t,
            Err(reason) => return Reply::template(Curated::TranscriptionFailed, job.lang, reason),
        },
    };
    // From here on only the redacted, capped question is used: for the answer cache's key, the
    // journal, and the prompt.
    let text = redact::question(&words);
    drop(words);
    // The transcript goes through the guardrails and the compiled cache first, in the
    // conversation as a typed message was on the webhook.
    let reply = s.responder.respond_in(&text, lang_hint, job.context);
    let lang = reply.lang;
    if job.voice.is_some()
        && (reply.intent != Intent::None || reply.pending.is_some())
        && let Some(conversations) = &s.conversations
    {
        // The webhook could not read a voice note, so it kept the conversation where it was:
        // the transcript moves it now, as the same words typed would have. The next typed
        // "¿y dónde lo pido?" follows a compiled answer, and "lo del IMV" a part asked alone.
        let now = Instant::now();
        let left = Context {
            lang: Some(job.lang),
            ..job.context
        };
        let state = conversation::next(job.context, &reply, now);
        conversations.advance(job.sender, left, state, now).await;
    }
    if reply.intent != Intent::None {
        return Reply::compiled(reply.answer, reply.note(), s.audio_base.as_deref());
    }
    if !s.llm_live {
        return Reply::template(Curated::FallbackGeneric, lang, "llm off");
    }
    let key = answer_cache::Key {
        question: Normalized::new(&text).as_str().to_string(),
        lang,
        procedure: reply.guess,
    };
    let result = match cached(s, &key).await {
        Some(text) => Reply {
            text,
            media_url: None,
            source: AnswerSource::Llm,
            lang,
            reason: "hot cache",
            parts_sent: 0,
        },
        None => match ask_gemini(s, &text, reply.guess, lang).await {
            // Not kept in the answer cache: the same words are judged again next time, and the
            // journal shows editors the crisis phrasing the lexicon missed.
            Ok(Generated::Guardrail(category)) => {
                warn!(
                    category = category.as_str(),
                    "gemini found a guardrail the lexicon missed"
                );
                Reply::guardrail(category, lang, s.audio_base.as_deref())
            }
            Ok(Generated::Answer(answer)) => {
                s.answers
                    .put(key.clone(), answer.clone(), SystemTime::now());
                if let Some(redis) = &s.shared {
                    // Best effort: a Redis that is down or full costs the other instances a
                    // Gemini call, never this answer.
                    let _ = redis
                        .keep_answer(&key.digest(), &answer, answer_cache::TTL)
                        .await;
                }
                Reply {
                    text: answer,
                    media_url: None,
                    source: AnswerSource::Llm,
                    lang,
                    reason: "gemini",
                    parts_sent: 0,
                }
            }
            // Clara's Gemini quota, not the person: `busy` says "try again soon" and points to
            // the menu and the procedure's phone, where `rate_limited` would blame the person's
            // own messages.
            Err(GeminiError::RateLimited { .. }) => {
                warn!("gemini rate limited: quota exhausted");
                Reply::template(Curated::Busy, lang, "gemini rate limited").naming(reply.guess)
            }
            Err(err) => {
                warn!(cause = %err, retryable = err.is_retryable(), "gemini could not answer");
                Reply::template(Curated::LlmFailed, lang, "gemini failed").naming(reply.guess)
            }
        },
    };
    let entry = journal::Entry {
        at: unix_now(),
        question: key.question.clone(),
        lang: lang.as_str().to_string(),
        guess: key.procedure.map(|p| p.as_str().to_string()),
        source: result.reason.to_string(),
        answer: (result.source == AnswerSource::Llm).then(|| result.text.clone()),
    };
    s.journal.record(s.shared.as_deref(), &entry).await;
    // A voice note's words are known only from its transcript, so its acknowledgement could not
    // carry the danger note a typed miss's carries (`http::webhook`): Gemini's answer does.
    if job.voice.is_some() && result.source == AnswerSource::Llm && reply.speaks_of_danger() {
        return result.followed_by(Note::Support.answer(lang));
    }
    result
}

/// The cached answer for `key`: this instance's LRU first (no round trip), then Redis when
/// shared; an answer found in Redis is kept here until it expires there.
async fn cached(s: &Services, key: &answer_cache::Key) -> Option<String> {
    let now = SystemTime::now();
    if let Some(text) = s.answers.get(key, now) {
        return Some(text);
    }
    let (text, left) = s
        .shared
        .as_ref()?
        .cached_answer(&key.digest())
        .await
        .ok()??;
    // Dated so that the local copy expires when Redis's does, not a full TTL later.
    let written = now - answer_cache::TTL.saturating_sub(left);
    s.answers.put(key.clone(), text.clone(), written);
    Some(text)
}

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// Fetches and transcribes a voice note: the transcript and its language.
async fn transcribe(s: &Services, media: &Media) -> Result<(String, Option<Lang>), &'static str> {
    let started = Instant::now();
    let (audio, served_type) =
        s.media
            .fetch(&media.url, s.whisper_timeout)
            .await
            .map_err(|err| {
                warn!(cause = %err, "voice note not fetched");
                "media fetch failed"
            })?;
    let mime = served_type.unwrap_or_else(|| media.content_type.clone());
    let mime = mime
        .split(';')
        .next()
        .unwrap_or("audio/ogg")
        .trim()
        .to_string();
    let left = s
        .whisper_timeout
        .saturating_sub(started.elapsed())
        .max(Duration::from_secs(1));
    match s.gemini.transcribe(&audio, &mime, left).await {
        Ok(t) if !t.text.trim().is_empty() => Ok((t.text, t.lang)),
        Ok(_) => Err("empty transcript"),
        Err(err) => {
            warn!(cause = %err, "transcription failed");
            Err("transcription failed")
        }
    }
}

/// What Gemini gave back.
enum Generated {
    /// An answer, checked and finished (`compose::finish`).
    Answer(String),
    /// Not an answer: the message belongs to a guardrail the compiled lexicon did not catch.
    Guardrail(GuardCategory),
}

/// Asks Gemini and checks its answer.
async fn ask_gemini(
    s: &Services,
    question: &str,
    guess: Option<kb::ProcedureId>,
    lang: Lang,
) -> Result<Generated, GeminiError> {
    let request = AnswerRequest {
        system: compose::system_instruction(lang),
        user: compose::user_prompt(question, guess, lang),
        temperature: 0.3,
        max_output_tokens: MAX_OUTPUT_TOKENS,
    };
    let text = if s.structured {
        compose::render_structured(&s.gemini.answer_structured(&request, s.llm_timeout).await?)
    } else {
        s.gemini.answer(&request, s.llm_timeout).await?
    };
    if let Some(category) = compose::guardrail(&text) {
        return Ok(Generated::Guardrail(category));
    }
    let answer = compose::finish(&text, guess, lang).map_err(|err| {
        warn!(cause = %err, "generated answer refused");
        GeminiError::Empty
    })?;
    Ok(Generated::Answer(answer))
}

/// Sends a reply through Twilio; what Twilio will not take goes to the dead-letter file.
///
/// A durable job (`job.entry`) records its reply in Redis before the first part goes out and
/// marks each part Twilio takes, is kept from other instances while it is sent, and leaves the
/// queue once delivered or dead-lettered. Returns whether Twilio took it all.
async fn send(s: &Services, job: &Job, reply: &Reply) -> bool {
    let durable = job.entry.as_ref().zip(s.shared.as_ref());
    let heartbeat: Option<Heartbeat> =
        durable.map(|(entry, redis)| durable::keep_alive(redis, &entry.id, s.claim_after));
    if let Some((_, redis)) = durable
        && reply.parts_sent == 0
    {
        // Best effort: without the record a claimer decides again, as without Redis.
        let _ = redis
            .keep_outbox(
                &job.message_sid,
                &reply.text,
                reply.media_url.as_deref(),
                reply.source.as_str(),
            )
            .await;
    }
    let outgoing = Outgoing {
        to: job.from.clone(),
        body: reply.text.clone(),
        media_url: reply.media_url.clone(),
    };
    let taken = |parts: usize| async move {
        if let Some((_, redis)) = durable {
            let _ = redis.mark_sent(&job.message_sid, parts).await;
        }
    };
    if heartbeat.as_ref().is_some_and(Heartbeat::lost) {
        // Another instance claimed the job while this one stalled: it sends the reply.
        return false;
    }
    let delivered = match s.twilio.send_from(&outgoing, reply.parts_sent, taken).await {
        Ok(_) => true,
        Err(err) => {
            let why = match &err {
                DeliveryError::Rejected { .. } => "twilio rejected the reply",
                DeliveryError::Exhausted { .. } => "twilio unreachable after retries",
            };
            error!(message_sid = job.message_sid.as_str(), cause = %err, "reply not delivered: dead letter");
            let reason = format!("{why} ({}): {err}", reply.reason);
            dead_letter(s, job, reply, &reason).await;
            false
        }
    };
    drop(heartbeat);
    if let Some((entry, redis)) = durable
        && redis.settle(&entry.id, &job.message_sid).await.is_err()
    {
        warn!(
            message_sid = job.message_sid.as_str(),
            "miss finished but still queued in redis: a claimer will find its reply sent"
        );
    }
    delivered
}

/// Keeps an undelivered reply as a dead letter (Redis or the file) and counts it.
async fn dead_letter(s: &Services, job: &Job, reply: &Reply, reason: &str) {
    s.metrics.dead_lettered();
    let letter = DeadLetter {
        at: unix_now(),
        message_sid: job.message_sid.clone(),
        to_hash: job.sender.to_string(),
        reason: reason.to_string(),
        body: reply.text.clone(),
        media_url: reply.media_url.clone(),
    };
    s.dead_letters.keep(s.shared.as_deref(), &letter).await;
}
