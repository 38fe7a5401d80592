//! The miss pipeline's side of the durable queue (`crate::shared` holds the Redis side): what a
//! queued job looks like in the stream, the heartbeat that keeps a job this instance works on
//! from being claimed, and the task that claims the jobs other instances left behind.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant, SystemTime};

use serde::{Deserialize, Serialize};
use tracing::{error, info, warn};

use super::pipeline::{Intake, Job, Media, Services};
use crate::kb::{Facet, Lang, ProcedureId};
use crate::observability::SenderId;
use crate::outbound::twilio::DeliveryError;
use crate::redact;
use crate::respond::Context;
use crate::shared::Redis;

/// A job as the stream keeps it: no phone number, and the person's words redacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    pub message_sid: String,
    /// The keyed hash of the sender, 16 hex digits.
    pub sender: String,
    /// Redacted by [`crate::redact::question`].
    pub text: String,
    /// `es`, `fr`, `en` or `ar`.
    pub lang: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voice: Option<Media>,
    /// The conversation's procedure and part when the message came (see [`Job::context`]), by
    /// their data names; a job stored by an older Clara has neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facet: Option<String>,
    /// The procedure talked about before that one, by its data name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub other: Option<String>,
    /// When the webhook took the message, Unix milliseconds.
    pub received_ms: u64,
}

impl Stored {
    /// What the stream keeps of `job`.
    pub fn of(job: &Job) -> Stored {
        Stored {
            message_sid: job.message_sid.clone(),
            sender: job.sender.hex().to_string(),
            text: redact::question(&job.text),
            lang: job.lang.as_str().to_string(),
            voice: job.voice.clone(),
            procedure: job.context.procedure.map(|p| p.as_str().to_string()),
            facet: job.context.facet.map(|f| f.as_str().to_string()),
            other: job.context.other.map(|p| p.as_str().to_string()),
            received_ms: unix_ms(SystemTime::now())
                .saturating_sub(job.received.elapsed().as_millis() as u64),
        }
    }

    /// The job to work on again, sent to `from` (read back from Twilio).
    fn into_job(self, entry: String, from: String) -> Option<Job> {
        let age = unix_ms(SystemTime::now()).saturating_sub(self.received_ms);
        let now = Instant::now();
        let lang = Lang::parse(&self.lang)?;
        // The conversation's language is not kept: the message's own stands in for it, which is
        // the conversation's for the short and empty bodies (a voice note) that would use it.
        let context = Context {
            lang: Some(lang),
            procedure: self.procedure.as_deref().and_then(ProcedureId::parse),
            facet: self.facet.as_deref().and_then(Facet::parse),
            other: self.other.as_deref().and_then(ProcedureId::parse),
        };
        Some(Job {
            sender: SenderId::from_hex(&self.sender)?,
            message_sid: self.message_sid,
            from,
            text: self.text,
            lang,
            context,
            voice: self.voice,
            received: now.checked_sub(Duration::from_millis(age)).unwrap_or(now),
            entry: Some(Entry {
                id: entry,
                claimed: true,
            }),
        })
    }
}

/// Where a job sits in the durable queue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// The stream entry id.
    pub id: String,
    /// Claimed from another instance: part of its reply may have been sent already.
    pub claimed: bool,
}

/// Touches `entry` every third of `claim_after` until dropped; sets the returned flag when
/// another instance has claimed it (this one stalled), so the worker stops sending.
pub fn keep_alive(redis: &Arc<Redis>, entry: &str, claim_after: Duration) -> Heartbeat {
    let lost = Arc::new(AtomicBool::new(false));
    let every = (claim_after / 3).max(Duration::from_millis(100));
    let (redis, entry, flag) = (Arc::clone(redis), entry.to_string(), Arc::clone(&lost));
    let task = tokio::spawn(async move {
        loop {
            tokio::time::sleep(every).await;
            if let Ok(false) = redis.touch(&entry).await {
                warn!(
                    entry = entry.as_str(),
                    "miss job claimed by another instance: this one stops sending"
                );
                flag.store(true, Ordering::Relaxed);
                return;
            }
        }
    });
    Heartbeat { task, lost }
}

/// A running [`keep_alive`]; stops with the job.
pub struct Heartbeat {
    task: tokio::task::JoinHandle<()>,
    lost: Arc<AtomicBool>,
}

impl Heartbeat {
    /// Whether another instance has taken the job.
    pub fn lost(&self) -> bool {
        self.lost.load(Ordering::Relaxed)
    }
}

impl Drop for Heartbeat {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// Claims the jobs other instances left pending longer than `MISS_CLAIM_AFTER`, every half of
/// it, and queues each in `intake` with its recipient read back from Twilio. Ends when the
/// pipeline drains.
pub(super) async fn reclaim_orphans(services: Arc<Services>, redis: Arc<Redis>, intake: Intake) {
    let claim_after = services.claim_after;
    let every = (claim_after / 2).max(Duration::from_millis(100));
    loop {
        tokio::time::sleep(every).await;
        // Not once draining: a claimed job would wait here, unanswered, for another claim.
        if !intake.is_open() {
            return;
        }
        let Ok(orphans) = redis.reclaim(claim_after).await else {
            continue;
        };
        for (entry, raw) in orphans {
            let stored: Option<Stored> = serde_json::from_str(&raw).ok();
            let readable = |s: &Stored| {
                SenderId::from_hex(&s.sender).is_some() && Lang::parse(&s.lang).is_some()
            };
            let Some(stored) = stored.filter(readable) else {
                error!(
                    entry = entry.as_str(),
                    "queued miss unreadable: dropped from the queue"
                );
                let _ = redis.settle(&entry, "").await;
                continue;
            };
            let sid = stored.message_sid.clone();
            let from = match services.twilio.inbound_sender(&sid).await {
                Ok(from) => from,
                // Twilio does not know the message: no one to answer.
                Err(err @ DeliveryError::Rejected { .. }) => {
                    error!(message_sid = sid.as_str(), cause = %err, "orphan miss has no recipient: dropped");
                    let _ = redis.settle(&entry, &sid).await;
                    continue;
                }
                // Twilio unreachable: left pending, claimed again later.
                Err(err) => {
                    warn!(message_sid = sid.as_str(), cause = %err, "orphan miss: recipient not read yet");
                    continue;
                }
            };
            let Some(job) = stored.into_job(entry, from) else {
                continue;
            };
            match intake.try_queue(job) {
                Queued::Yes => info!(message_sid = sid.as_str(), "orphan miss claimed"),
                // Left pending: claimed again (by any instance) after `claim_after`.
                Queued::Full => {}
                Queued::Closed => return,
            }
        }
    }
}

/// What the pipeline did with a claimed job.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Queued {
    Yes,
    Full,
    Closed,
}

fn unix_ms(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stream_keeps_no_number_and_redacted_words() {
        let job = Job {
            message_sid: "SM1".into(),
            from: "whatsapp:+34600111222".into(),
            sender: SenderId([0xab, 1, 2, 3, 4, 5, 6, 0xff]),
            text: "mi NIE es X1234567L y mi telefono 600111222".into(),
            lang: Lang::Es,
            context: Context {
                lang: Some(Lang::Fr),
                procedure: Some(ProcedureId::NieTie),
                facet: Some(Facet::Plazos),
                other: Some(ProcedureId::Imv),
            },
            voice: None,
            received: Instant::now(),
            entry: None,
        };
        let stored = Stored::of(&job);
        let json = serde_json::to_string(&stored).unwrap();
        assert!(!json.contains("600111222"), "{json}");
        assert!(!json.contains("X1234567L"), "{json}");
        assert_eq!(stored.sender, "ab010203040506ff");
        let again = stored
            .into_job("1-0".into(), "whatsapp:+34600111222".into())
            .unwrap();
        assert_eq!(again.sender, job.sender);
        assert_eq!(again.message_sid, "SM1");
        // The conversation's procedure and part come back; its language is the message's.
        assert_eq!(
            again.context,
            Context {
                lang: Some(Lang::Es),
                ..job.context
            }
        );
        assert_eq!(
            again.entry,
            Some(Entry {
                id: "1-0".into(),
                claimed: true
            })
        );
    }
}
