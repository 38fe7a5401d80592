//! WhatsApp is a conversation: multi-turn flows through the real webhook (and the web chat API),
//! one sender per test, as people write them: numbers that navigate, follow-ups that do not
//! repeat the procedure, language memory, an explicit switch, "forget me".

mod util;

use util::{Server, answer_id, message};

/// One person writing to Clara: each message gets its own `MessageSid`.
struct Person<'a> {
    server: &'a Server,
    from: &'static str,
    sent: usize,
}

impl Person<'_> {
    fn new<'s>(server: &'s Server, from: &'static str) -> Person<'s> {
        Person {
            server,
            from,
            sent: 0,
        }
    }

    /// Sends `text` (or a media message) and returns the id of the compiled answer in the TwiML.
    async fn says(&mut self, text: &str) -> String {
        self.sent += 1;
        // Unique per person and message, as Twilio's are (the dedupe would answer a repeat).
        let number = self.from.trim_start_matches("whatsapp:+");
        let sid = format!("SM{number:0>11}{:021}", self.sent);
        let mut params: Vec<(&str, &str)> = message(&sid, text)
            .into_iter()
            .filter(|(k, _)| *k != "From")
            .collect();
        params.push(("From", self.from));
        let body = match text {
            "<voice>" | "<image>" => {
                params.retain(|(k, _)| !matches!(*k, "Body" | "NumMedia"));
                let kind = if text == "<voice>" {
                    "audio/ogg"
                } else {
                    "image/jpeg"
                };
                params.extend([
                    ("Body", ""),
                    ("NumMedia", "1"),
                    ("MediaUrl0", "https://api.twilio.com/media/ME1"),
                    ("MediaContentType0", kind),
                ]);
                params
            }
            _ => params,
        };
        let r = self.server.webhook(&body, None).await;
        assert_eq!(r.status, 200, "{text}: {}", r.text());
        answer_id(&r.text())
    }
}

#[tokio::test]
async fn numbers_walk_the_menu_and_then_the_facets_of_the_procedure() {
    let server = Server::start(&[]).await;
    let mut maria = Person::new(&server, "whatsapp:+34600000101");
    assert_eq!(maria.says("hola").await, "greeting.es");
    assert_eq!(maria.says("2").await, "empadronamiento.descripcion.es");
    // After a procedure's answer a number picks its facet, in the order of the footer.
    assert_eq!(maria.says("3").await, "empadronamiento.documentos.es");
    assert_eq!(maria.says("4").await, "empadronamiento.como_solicitar.es");
    // The padrón has six facets, the sixth is what to do when it goes wrong.
    assert_eq!(maria.says("6").await, "empadronamiento.problemas.es");
    assert_eq!(maria.says("0").await, "menu.es");
    assert_eq!(maria.says("1").await, "imv.descripcion.es");
    // The IMV has seven, the sixth is the amount; keycap and Arabic-Indic digits count.
    assert_eq!(maria.says("6️⃣").await, "imv.cuantia.es");
    assert_eq!(maria.says("7").await, "imv.problemas.es");
    assert_eq!(maria.says("٢").await, "imv.requisitos.es");
    assert_eq!(maria.says("menú").await, "menu.es");
}

#[tokio::test]
async fn a_facet_asked_alone_is_about_the_procedure_being_discussed() {
    let server = Server::start(&[]).await;
    let mut ahmed = Person::new(&server, "whatsapp:+34600000102");
    assert_eq!(ahmed.says("¿Qué es el IMV?").await, "imv.descripcion.es");
    assert_eq!(
        ahmed.says("¿y qué papeles tengo que llevar?").await,
        "imv.documentos.es"
    );
    assert_eq!(ahmed.says("how long does it take?").await, "imv.plazos.en");
    // A new procedure named replaces the old one.
    assert_eq!(
        ahmed.says("qué necesito para empadronarme").await,
        "empadronamiento.documentos.es"
    );
    assert_eq!(
        ahmed.says("et ça prend combien de temps ?").await,
        "empadronamiento.plazos.fr"
    );
    // Another person starts with nothing remembered.
    let mut fatima = Person::new(&server, "whatsapp:+34600000103");
    assert_eq!(
        fatima.says("¿y qué papeles tengo que llevar?").await,
        "fallback_generic.es"
    );
}

#[tokio::test]
async fn a_question_continued_with_another_procedure_asks_the_same_part_of_it() {
    let server = Server::start(&[]).await;
    let mut lina = Person::new(&server, "whatsapp:+34600000121");
    assert_eq!(
        lina.says("q papeles necesito pal padron?").await,
        "empadronamiento.documentos.es"
    );
    assert_eq!(
        lina.says("y pa la tarjeta sanitaria?").await,
        "tarjeta_sanitaria.documentos.es"
    );
    assert_eq!(
        lina.says("and what about asylum?").await,
        "proteccion_internacional.documentos.en"
    );
    assert_eq!(
        lina.says("et pour la justice gratuite ?").await,
        "justicia_gratuita.documentos.fr"
    );
    // Arabic writes "and" onto the word: و, والـ, or apart from a Latin name.
    assert_eq!(
        lina.says("والشوماج؟").await,
        "prestacion_desempleo.documentos.ar"
    );
    assert_eq!(lina.says("وال IMV؟").await, "imv.documentos.ar");
    assert_eq!(
        lina.says("w l'padron?").await,
        "empadronamiento.documentos.ar"
    );
    // A part the other procedure does not have: its description.
    let mut ali = Person::new(&server, "whatsapp:+34600000122");
    assert_eq!(ali.says("cuanto dinero da el imv?").await, "imv.cuantia.es");
    assert_eq!(
        ali.says("y el padron?").await,
        "empadronamiento.descripcion.es"
    );
    // After a description, "and the X?" asks what X is.
    assert_eq!(
        ali.says("and the health card?").await,
        "tarjeta_sanitaria.descripcion.en"
    );
    // A part asked in words is that part; a procedure named without "and" starts afresh.
    let mut rosa = Person::new(&server, "whatsapp:+34600000123");
    assert_eq!(
        rosa.says("cuanto tarda el arraigo?").await,
        "arraigo.plazos.es"
    );
    assert_eq!(
        rosa.says("y como pido el nie?").await,
        "nie_tie.como_solicitar.es"
    );
    assert_eq!(
        rosa.says("el padron").await,
        "empadronamiento.descripcion.es"
    );
    // A longer message tells its own story.
    assert_eq!(
        rosa.says("cuanto tarda el arraigo?").await,
        "arraigo.plazos.es"
    );
    assert_eq!(
        rosa.says("y el padron de mi hermano que vive con nosotros en la casa")
            .await,
        "empadronamiento.descripcion.es"
    );
}

#[tokio::test]
async fn a_correction_names_the_procedure_meant() {
    let server = Server::start(&[]).await;
    let mut yara = Person::new(&server, "whatsapp:+34600000124");
    assert_eq!(yara.says("que es el nie").await, "nie_tie.descripcion.es");
    assert_eq!(
        yara.says("no, no el NIE, la tarjeta roja").await,
        "proteccion_internacional.descripcion.es"
    );
    // A number then picks a part of the procedure meant.
    assert_eq!(
        yara.says("2").await,
        "proteccion_internacional.requisitos.es"
    );
    // A correction keeps the part asked: the requirements, now of the IMV.
    assert_eq!(
        yara.says("la sm7li, machi l asilo, l imv").await,
        "imv.requisitos.ar"
    );
    // "X no, Y": the "no" is X's. Before, it was read as lacking the IMV, and the paro's
    // description came back.
    assert_eq!(
        yara.says("¿cuánto es el paro?").await,
        "prestacion_desempleo.cuantia.es"
    );
    assert_eq!(
        yara.says("no perdón, el paro no, el imv, me confundí")
            .await,
        "imv.cuantia.es"
    );
    assert_eq!(
        yara.says("combien on touche au chômage ?").await,
        "prestacion_desempleo.cuantia.fr"
    );
    assert_eq!(
        yara.says("non pardon pas le chômage, l'IMV").await,
        "imv.cuantia.fr"
    );
    assert_eq!(
        yara.says("how long does the nie take?").await,
        "nie_tie.plazos.en"
    );
    assert_eq!(
        yara.says("sorry not the nie, I mean the red card").await,
        "proteccion_internacional.plazos.en"
    );
}

#[tokio::test]
async fn a_correction_that_names_only_the_procedure_meant_keeps_the_part() {
    let server = Server::start(&[]).await;
    let mut omar = Person::new(&server, "whatsapp:+34600000125");
    // Each correction follows the amount of the paro and asks the amount of the IMV. Before,
    // they got the IMV's description: only a correction that named the paro kept the part.
    for (correction, amount) in [
        ("me equivoqué, el imv", "imv.cuantia.es"),
        ("perdón, me refería al imv, no al paro", "imv.cuantia.es"),
        ("el imv, no el paro", "imv.cuantia.es"),
        ("je me suis trompé, l'IMV", "imv.cuantia.fr"),
        ("sorry i was asking about the imv", "imv.cuantia.en"),
        ("لا لا غلطت، الإيمف", "imv.cuantia.ar"),
        ("البارو لا، الإيمف", "imv.cuantia.ar"),
        // "Wait" opens a correction too (in English "wait" alone asks how long).
        ("espera, el imv", "imv.cuantia.es"),
        ("attends, l'IMV", "imv.cuantia.fr"),
        ("hold on, the imv", "imv.cuantia.en"),
        ("استنى، الإيمف", "imv.cuantia.ar"),
    ] {
        omar.says("¿cuánto es el paro?").await;
        assert_eq!(omar.says(correction).await, amount, "{correction}");
    }
    // Words that lack the procedure named after a verb are not a correction.
    omar.says("¿cuánto es el paro?").await;
    assert_eq!(
        omar.says("no tengo padrón").await,
        "empadronamiento.descripcion.es"
    );
}

#[tokio::test]
async fn the_other_one_is_the_procedure_talked_about_before() {
    let server = Server::start(&[]).await;
    let mut nadia = Person::new(&server, "whatsapp:+34600000126");
    assert_eq!(
        nadia.says("cuanto tarda el padron?").await,
        "empadronamiento.plazos.es"
    );
    assert_eq!(
        nadia.says("y el paro?").await,
        "prestacion_desempleo.plazos.es"
    );
    assert_eq!(nadia.says("ok gracias").await, "thanks.es");
    // Back to the padrón, with the part this message asks; then to the paro again.
    assert_eq!(
        nadia.says("y el otro donde se pide").await,
        "empadronamiento.como_solicitar.es"
    );
    assert_eq!(
        nadia.says("y el otro?").await,
        "prestacion_desempleo.como_solicitar.es",
        "asking nothing else, the part just answered, of the other"
    );
    // In French, English and Arabic, at the start, after "and" and a short word, or at the end.
    let mut awa = Person::new(&server, "whatsapp:+34600000127");
    awa.says("combien de temps pour le NIE ?").await;
    awa.says("et pour l'IMV ?").await;
    assert_eq!(
        awa.says("et pour l'autre, on le demande où ?").await,
        "nie_tie.como_solicitar.fr"
    );
    let mut john = Person::new(&server, "whatsapp:+34600000128");
    john.says("how do i get the health card").await;
    john.says("and the nie?").await;
    assert_eq!(
        john.says("how long for the first one").await,
        "tarjeta_sanitaria.plazos.en"
    );
    let mut salma = Person::new(&server, "whatsapp:+34600000129");
    salma.says("شحال كتاخد البطاقة الصحية").await;
    salma.says("والنيي؟").await;
    assert_eq!(salma.says("والأول؟").await, "tarjeta_sanitaria.plazos.ar");
    // A procedure named wins over the words; with no procedure before, "the other" is not
    // understood as one.
    assert!(nadia.says("el otro no, el imv").await.starts_with("imv."));
    let mut ines = Person::new(&server, "whatsapp:+34600000130");
    ines.says("que es el imv").await;
    assert_eq!(ines.says("y el otro?").await, "fallback_generic.es");
}

#[tokio::test]
async fn two_procedures_named_at_once_make_the_other_one() {
    let server = Server::start(&[]).await;
    // Two topics announced in one message: the one not answered is "the other one", even after
    // a question about the first.
    let mut aminata = Person::new(&server, "whatsapp:+34600000140");
    aminata.says("salut").await;
    assert!(
        aminata
            .says("j'ai 2 questions: le paro et la carte sanitaire")
            .await
            .starts_with("prestacion_desempleo."),
        "the first named is answered"
    );
    assert_eq!(
        aminata.says("pour le paro il faut quels papiers?").await,
        "prestacion_desempleo.documentos.fr"
    );
    assert_eq!(
        aminata.says("et pour l'autre?").await,
        "tarjeta_sanitaria.documentos.fr"
    );
    assert_eq!(
        aminata.says("et l'autre?").await,
        "prestacion_desempleo.documentos.fr",
        "and back"
    );
    let mut kofi = Person::new(&server, "whatsapp:+34600000141");
    assert!(
        kofi.says("i want to ask about the nie and the arraigo")
            .await
            .starts_with("nie_tie.")
    );
    assert_eq!(
        kofi.says("how long for the other one").await,
        "arraigo.plazos.en"
    );
    let mut hanane = Person::new(&server, "whatsapp:+34600000142");
    assert!(
        hanane
            .says("عندي سؤال على البادرون والبطاقة الصحية")
            .await
            .starts_with("empadronamiento.")
    );
    assert!(
        hanane
            .says("والاخر؟")
            .await
            .starts_with("tarjeta_sanitaria.")
    );
    // A procedure refused is not the other one: the one talked about before stays it.
    let mut ines = Person::new(&server, "whatsapp:+34600000143");
    ines.says("que es el imv").await;
    assert!(
        ines.says("el paro no, el padron")
            .await
            .starts_with("empadronamiento.")
    );
    assert!(ines.says("y el otro?").await.starts_with("imv."));
}

#[tokio::test]
async fn a_menu_number_corrected_is_the_procedure_meant() {
    let server = Server::start(&[]).await;
    let mut laila = Person::new(&server, "whatsapp:+34600000131");
    for (greeting, wrong, correction, meant) in [
        (
            "buenas",
            "7",
            "uy no me equivoqué, el 1",
            "imv.descripcion.es",
        ),
        (
            "salut",
            "5",
            "non le 6 pardon",
            "proteccion_internacional.descripcion.fr",
        ),
        (
            "hello",
            "7",
            "sorry wrong number, 8",
            "prestacion_desempleo.descripcion.en",
        ),
        ("سلام", "2", "لا، 3", "tarjeta_sanitaria.descripcion.ar"),
    ] {
        laila.says(greeting).await;
        laila.says(wrong).await;
        assert_eq!(laila.says(correction).await, meant, "{correction}");
    }
    // A number after the answer to a part still picks a part; words after the number make it
    // no correction.
    laila.says("cuanto tarda el imv").await;
    assert_eq!(laila.says("no, el 3").await, "fallback_generic.es");
    laila.says("0").await;
    assert_eq!(laila.says("7").await, "justicia_gratuita.descripcion.es");
    assert_eq!(
        laila.says("no, el 1 y el 2").await,
        "fallback_generic.es",
        "more than a number"
    );
}

#[tokio::test]
async fn what_to_do_after_a_problem_is_still_about_the_problem() {
    let server = Server::start(&[]).await;
    let mut karim = Person::new(&server, "whatsapp:+34600000107");
    assert_eq!(karim.says("me denegaron el imv").await, "imv.problemas.es");
    // Before, "what do I do now" was how to apply, as if nothing had happened.
    assert_eq!(karim.says("¿y ahora qué hago?").await, "imv.problemas.es");
    assert_eq!(karim.says("gracias").await, "thanks.es");
    assert_eq!(karim.says("what can i do now").await, "imv.problemas.en");
    // Another part asked moves the conversation on: "what can I do" is then how to apply.
    assert_eq!(
        karim.says("y que papeles necesito").await,
        "imv.documentos.es"
    );
    assert_eq!(karim.says("que puedo hacer").await, "imv.como_solicitar.es");
    // So does another procedure.
    assert_eq!(
        karim.says("on m'a refusé le padron").await,
        "empadronamiento.problemas.fr"
    );
    assert_eq!(
        karim.says("je fais quoi maintenant").await,
        "empadronamiento.problemas.fr"
    );
    assert_eq!(
        karim.says("c'est quoi l'arraigo").await,
        "arraigo.descripcion.fr"
    );
    assert_eq!(
        karim.says("je fais quoi").await,
        "arraigo.como_solicitar.fr"
    );
}

#[tokio::test]
async fn how_or_where_to_apply_after_a_problem_is_how_to_apply() {
    let server = Server::start(&[]).await;
    let mut rachid = Person::new(&server, "whatsapp:+34600000108");
    assert_eq!(
        rachid.says("y si me deniegan el paro?").await,
        "prestacion_desempleo.problemas.es"
    );
    // Before, any way of asking how was held to the problem, and this got the same answer again.
    assert_eq!(
        rachid.says("¿y dónde lo pido?").await,
        "prestacion_desempleo.como_solicitar.es"
    );
    assert_eq!(
        rachid.says("et si on me refuse l'imv ?").await,
        "imv.problemas.fr"
    );
    assert_eq!(
        rachid.says("et comment je le demande ?").await,
        "imv.como_solicitar.fr"
    );
    assert_eq!(
        rachid.says("what if they refuse my asylum").await,
        "proteccion_internacional.problemas.en"
    );
    assert_eq!(
        rachid.says("how do i apply?").await,
        "proteccion_internacional.como_solicitar.en"
    );
    assert_eq!(
        rachid.says("رفضو ليا البادرون").await,
        "empadronamiento.problemas.ar"
    );
    assert_eq!(
        rachid.says("فين نطلبو؟").await,
        "empadronamiento.como_solicitar.ar"
    );
    // What to do, with no word of applying, is still the problem's.
    assert_eq!(
        rachid.says("me han quitado el imv").await,
        "imv.problemas.es"
    );
    assert_eq!(rachid.says("¿y qué hago?").await, "imv.problemas.es");
    assert_eq!(rachid.says("kifach?").await, "imv.problemas.ar");
}

#[tokio::test]
async fn short_messages_voice_notes_and_photos_keep_the_conversations_language() {
    let server = Server::start(&[]).await;
    let mut amina = Person::new(&server, "whatsapp:+34600000104");
    assert_eq!(
        amina.says("Bonjour, c'est quoi le padrón ?").await,
        "empadronamiento.descripcion.fr"
    );
    assert_eq!(amina.says("ok").await, "thanks.fr");
    assert_eq!(amina.says("2").await, "empadronamiento.requisitos.fr");
    assert_eq!(amina.says("👍").await, "thanks.fr");
    // In the offline demo a voice note cannot be transcribed: the request to type, in French.
    assert_eq!(amina.says("<voice>").await, "transcription_failed.fr");
    assert_eq!(amina.says("<image>").await, "image_letter.fr");
    // A message that tells its language still wins.
    assert_eq!(
        amina.says("¿Qué es la tarjeta sanitaria?").await,
        "tarjeta_sanitaria.descripcion.es"
    );
}

#[tokio::test]
async fn an_explicit_switch_changes_the_language_for_what_follows() {
    let server = Server::start(&[]).await;
    let mut omar = Person::new(&server, "whatsapp:+34600000105");
    assert_eq!(omar.says("¿Qué es el IMV?").await, "imv.descripcion.es");
    // The last answer again, in the language asked for; the conversation goes on where it was.
    assert_eq!(omar.says("in English please").await, "imv.descripcion.en");
    assert_eq!(omar.says("2").await, "imv.requisitos.en");
    assert_eq!(omar.says("بالعربية").await, "imv.requisitos.ar");
    assert_eq!(omar.says("0").await, "menu.ar");
    assert_eq!(omar.says("3").await, "tarjeta_sanitaria.descripcion.ar");
    assert_eq!(
        omar.says("en français").await,
        "tarjeta_sanitaria.descripcion.fr"
    );
    assert_eq!(
        omar.says("en español").await,
        "tarjeta_sanitaria.descripcion.es"
    );
    // With nothing to repeat, the menu in that language; a number then picks a procedure.
    let mut sara = Person::new(&server, "whatsapp:+34600000115");
    assert_eq!(sara.says("in English please").await, "menu.en");
    assert_eq!(sara.says("1").await, "imv.descripcion.en");
    assert_eq!(sara.says("بالعربية").await, "imv.descripcion.ar");
}

#[tokio::test]
async fn forget_me_clears_the_conversation_at_once() {
    let server = Server::start(&[]).await;
    let mut lina = Person::new(&server, "whatsapp:+34600000106");
    assert_eq!(lina.says("c'est quoi l'IMV").await, "imv.descripcion.fr");
    assert_eq!(lina.says("oublie mes données").await, "forgotten.fr");
    // Nothing remembered: "3" is the third procedure.
    assert_eq!(lina.says("3").await, "tarjeta_sanitaria.descripcion.es");
    assert_eq!(lina.says("forget me").await, "forgotten.en");
    assert_eq!(lina.says("احذف بياناتي").await, "forgotten.ar");
    assert_eq!(lina.says("borra mis datos").await, "forgotten.es");
    assert!(server.app.conversations.is_empty());
}

#[tokio::test]
async fn the_web_chat_is_a_conversation_too() {
    let server = Server::start(&[]).await;
    let chat = |body: &'static str| {
        server.request(
            "POST",
            "/api/chat",
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
    };
    let first = chat(r#"{"text": "¿Qué es el padrón?", "conversation": "c0ffee00c0ffee01"}"#)
        .await
        .json();
    assert_eq!(
        (first["intent"].as_str(), first["facet"].as_str()),
        (Some("empadronamiento"), Some("descripcion"))
    );
    let next = chat(r#"{"text": "3", "conversation": "c0ffee00c0ffee01"}"#)
        .await
        .json();
    assert_eq!(
        (next["intent"].as_str(), next["facet"].as_str()),
        (Some("empadronamiento"), Some("documentos"))
    );
    // Without the id each message stands alone.
    let alone = chat(r#"{"text": "3"}"#).await.json();
    assert_eq!(alone["intent"], "tarjeta_sanitaria");
    let bad = chat(r#"{"text": "3", "conversation": "x"}"#).await;
    assert_eq!(
        (bad.status, bad.text().as_str()),
        (
            400,
            "conversation must be 8 to 64 letters, digits, - or _\n"
        )
    );
}

#[tokio::test]
async fn a_part_asked_before_the_procedure_is_asked_of_the_procedure_named_next() {
    let server = Server::start(&[]).await;
    let mut lina = Person::new(&server, "whatsapp:+34600000126");
    // Written in two messages: the part, then the procedure. Before, the second got the IMV's
    // description.
    assert_eq!(lina.says("¿cuánto tarda?").await, "fallback_generic.es");
    assert_eq!(lina.says("lo del imv").await, "imv.plazos.es");
    // Once a procedure is named the conversation is about it, as before.
    assert_eq!(lina.says("¿y qué papeles?").await, "imv.documentos.es");
    // The menu starts again: the part then waits for a number too.
    lina.says("menú").await;
    assert_eq!(
        lina.says("what papers do i need?").await,
        "fallback_generic.en"
    );
    assert_eq!(lina.says("2").await, "empadronamiento.documentos.en");
    // In Darija, and with a message that asks its own part, which wins.
    lina.says("menu").await;
    assert_eq!(lina.says("كيفاش نطلبو؟").await, "fallback_generic.ar");
    assert_eq!(
        lina.says("البادرون").await,
        "empadronamiento.como_solicitar.ar"
    );
    lina.says("menu").await;
    lina.says("¿cuánto tarda?").await;
    assert_eq!(
        lina.says("¿qué es el padrón?").await,
        "empadronamiento.descripcion.es"
    );
    // Asked with a greeting, whose answer lists the procedures by number.
    lina.says("menu").await;
    assert_eq!(lina.says("hola, ¿qué papeles piden?").await, "greeting.es");
    assert_eq!(lina.says("3").await, "tarjeta_sanitaria.documentos.es");
    lina.says("menu").await;
    assert_eq!(
        lina.says("good morning, where can i apply for it?").await,
        "greeting.en"
    );
    assert_eq!(
        lina.says("8").await,
        "prestacion_desempleo.como_solicitar.en"
    );
    // A greeting alone forgets the part, as it forgets a procedure.
    lina.says("menu").await;
    assert_eq!(lina.says("¿cuánto tarda?").await, "fallback_generic.es");
    lina.says("hola").await;
    assert_eq!(
        lina.says("el paro").await,
        "prestacion_desempleo.descripcion.es"
    );
}

#[tokio::test]
async fn what_the_person_lacks_said_as_a_condition_asks_the_requirements_of_the_conversation() {
    let server = Server::start(&[]).await;
    let mut sara = Person::new(&server, "whatsapp:+34600000127");
    // "And if I don't have the padrón?" asks whether the card can be had without it. Before,
    // each got the padrón.
    for (card, condition, requirements) in [
        (
            "¿cómo pido la tarjeta sanitaria?",
            "¿y si no tengo padrón?",
            "tarjeta_sanitaria.requisitos.es",
        ),
        (
            "comment demander la carte sanitaire ?",
            "et si j'ai pas de padron ?",
            "tarjeta_sanitaria.requisitos.fr",
        ),
        (
            "what papers for the health card?",
            "and if i dont have padron can i still get it",
            "tarjeta_sanitaria.requisitos.en",
        ),
        (
            "kifach ndir lkarta sanitaria",
            "w ila ma3ndich lpadron?",
            "tarjeta_sanitaria.requisitos.ar",
        ),
    ] {
        sara.says(card).await;
        assert_eq!(sara.says(condition).await, requirements, "{condition}");
    }
    // A lack written into the procedure's own term ("pas de NIE"), pidgin's "no get", and words
    // that lean to the procedure talked about ("depuis 2 ans" for the arraigo).
    for (asked, condition, requirements) in [
        (
            "comment on demande le chômage ?",
            "et si j'ai pas de NIE ?",
            "prestacion_desempleo.requisitos.fr",
        ),
        (
            "pls how do i register for padron",
            "and if i no get nie?",
            "empadronamiento.requisitos.en",
        ),
        (
            "comment on fait pour l'arraigo social ?",
            "et si j'ai pas le padron depuis 2 ans ?",
            "arraigo.requisitos.fr",
        ),
    ] {
        sara.says(asked).await;
        assert_eq!(sara.says(condition).await, requirements, "{condition}");
    }
    // What is lacked and asked how to get, a lawyer lacked, or a lack without "and if": about
    // what is lacked.
    sara.says("¿cómo pido la tarjeta sanitaria?").await;
    assert_eq!(
        sara.says("y si no tengo nie, ¿cómo lo saco?").await,
        "nie_tie.como_solicitar.es"
    );
    sara.says("¿cómo pido la tarjeta sanitaria?").await;
    assert_eq!(
        sara.says("¿y si no tengo abogado?").await,
        "justicia_gratuita.requisitos.es"
    );
    sara.says("¿cómo pido la tarjeta sanitaria?").await;
    assert_eq!(
        sara.says("no tengo padrón").await,
        "empadronamiento.descripcion.es"
    );
}
