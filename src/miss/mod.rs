//! The miss path: what the compiled cache cannot answer is acknowledged at once by the webhook and
//! finished here in the background: transcribe, answer with Gemini, deliver with Twilio (the
//! clients are in [`crate::outbound`]). A voice note answered by Gemini is spoken back by
//! [`crate::voice`].
//!
//! - `media`: fetching voice notes from Twilio's hosts only.
//! - `pipeline`: the bounded queue and workers; every job ends in a message or a dead letter.
//! - `durable`: the queue kept in Redis (`REDIS_URL`), so a miss survives its instance.
//! - `answer_cache`, `rate_limit`, `dead_letter`: the hot cache of answers, the per-sender limit,
//!   undelivered replies.
//! - `journal`: every miss, for `clara promote`.
//! - `compose`: prompt, knowledge context and the checks on generated answers.

pub mod answer_cache;
pub mod compose;
pub mod dead_letter;
pub mod durable;
pub mod journal;
pub mod media;
pub mod pipeline;
pub mod rate_limit;

pub use pipeline::{Job, Media, Pipeline, Refused, Services, Slot};

/// Checks once, at start-up, that `model` (`GEMINI_MODEL`) exists, with the pipeline's own
/// client; warns (never fails) when it does not, so a retired model is noticed before people
/// get `llm_failed`.
pub async fn check_model(gemini: crate::outbound::gemini::Gemini, model: String) {
    match gemini.list_models(std::time::Duration::from_secs(10)).await {
        Ok(models) if models.contains(&model) => {
            tracing::info!(model, "gemini model available");
        }
        Ok(_) => {
            tracing::warn!(
                model,
                "GEMINI_MODEL is not in the model list: answers will fail"
            )
        }
        Err(err) => tracing::warn!(cause = %err, "could not list gemini models"),
    }
}
