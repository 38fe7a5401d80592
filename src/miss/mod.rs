//! The miss path: what the compiled cache cannot answer is acknowledged at once by the webhook and
//! finished here in the background: transcribe, answer with Gemini, deliver with Twilio. A voice
//! note answered by Gemini is spoken back by [`crate::voice`].
//!
//! - `gemini`: the Gemini API client (answers, transcription, speech, model list).
//! - `twilio`: the Twilio REST client (delivery, splitting, retries).
//! - `media`: fetching voice notes from Twilio's hosts only.
//! - `pipeline`: the bounded queue and workers; every job ends in a message or a dead letter.
//! - `answer_cache`, `rate_limit`, `dead_letter`: the hot cache of answers, the per-sender limit,
//!   undelivered replies.
//! - `journal`: every miss, for `clara promote`.
//! - `compose`: prompt, knowledge context and the checks on generated answers.

pub mod answer_cache;
pub mod compose;
pub mod dead_letter;
pub mod gemini;
pub mod journal;
pub mod media;
pub mod pipeline;
pub mod rate_limit;
pub mod twilio;

pub use pipeline::{Job, Media, Pipeline, Refused, Services};

/// Checks once, at start-up, that the configured model exists; warns (never fails) when it does
/// not, so a retired model is noticed before people get `llm_failed`.
pub async fn check_model(config: crate::config::Config) {
    let Some(key) = &config.gemini_api_key else {
        return;
    };
    let Ok(http) = reqwest::Client::builder().build() else {
        return;
    };
    let gemini = gemini::Gemini::new(
        http,
        &config.gemini_base_url,
        key,
        &config.gemini_model,
        &config.gemini_tts_model,
    );
    match gemini.list_models(std::time::Duration::from_secs(10)).await {
        Ok(models) if models.contains(&config.gemini_model) => {
            tracing::info!(model = %config.gemini_model, "gemini model available");
        }
        Ok(_) => {
            tracing::warn!(model = %config.gemini_model, "GEMINI_MODEL is not in the model list: answers will fail")
        }
        Err(err) => tracing::warn!(cause = %err, "could not list gemini models"),
    }
}
