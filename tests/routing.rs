//! Table-driven routing: question → (intent, facet, language). Each row is a question people
//! ask, written the way they write it: without accents, with typos, mixing languages.

use clara::kb::ProcedureId;
use clara::respond::Intent;
use clara::{Lang, Responder};

/// `(question, intent, facet or "-", lang)`. One row per line: rustfmt would split each tuple.
#[rustfmt::skip]
const CASES: &[(&str, &str, &str, &str)] = &[
    // Spanish: procedures and facets, typos, mixed languages
    ("¿Qué es el IMV?", "imv", "descripcion", "es"),
    ("que es el ingreso minimo vital", "imv", "descripcion", "es"),
    ("hola, ¿qué es el IMV?", "imv", "descripcion", "es"),
    ("¿cuánto tarda el imv?", "imv", "plazos", "es"),
    ("cuanto dinero da el ingreso minimo", "imv", "cuantia", "es"),
    ("requisitos empadronamiento", "empadronamiento", "requisitos", "es"),
    ("documentos para la tarjeta sanitaria", "tarjeta_sanitaria", "documentos", "es"),
    ("necesito ver un médico", "tarjeta_sanitaria", "descripcion", "es"),
    ("ingreso minimo bital requisitos", "imv", "requisitos", "es"),
    ("que documentos necesito para pedir el imv", "imv", "documentos", "es"),
    ("como solicito el imv por internet", "imv", "como_solicitar", "es"),
    ("cuanto es el imv para una persona sola", "imv", "cuantia", "es"),
    ("cuando pagan el imv", "imv", "plazos", "es"),
    ("el imv se renueva?", "imv", "plazos", "es"),
    ("hola buenas, queria saber si puedo cobrar el ingreso minimo vital trabajando a media jornada", "imv", "requisitos", "es"),
    ("para que sirve el padron", "empadronamiento", "descripcion", "es"),
    ("enpadronamiento como se hace", "empadronamiento", "como_solicitar", "es"),
    ("que papeles necesito para empadronarme", "empadronamiento", "documentos", "es"),
    ("me puedo empadronar sin contrato de alquiler", "empadronamiento", "requisitos", "es"),
    ("¿puedo empadronarme sin contrato?", "empadronamiento", "requisitos", "es"),
    ("cuanto tarda el volante de empadronamiento", "empadronamiento", "plazos", "es"),
    ("buenas tardes, queria informacion sobre el padron", "empadronamiento", "descripcion", "es"),
    ("targeta sanitaria documentos", "tarjeta_sanitaria", "documentos", "es"),
    ("tengo derecho a la tarjeta sanitaria sin papeles?", "tarjeta_sanitaria", "requisitos", "es"),
    ("donde pido la tarjeta sanitaria", "tarjeta_sanitaria", "como_solicitar", "es"),
    ("cuanto tiempo tarda en llegar la targeta sanitaria", "tarjeta_sanitaria", "plazos", "es"),
    ("se me caduca la tarjeta sanitaria como la renuevo", "tarjeta_sanitaria", "plazos", "es"),
    ("que es la tarjeta sanitria", "tarjeta_sanitaria", "descripcion", "es"),
    ("enpadronamiento", "empadronamiento", "descripcion", "es"),
    ("ingreso minimo bital", "imv", "descripcion", "es"),
    ("nesesito el padron urgente", "empadronamiento", "descripcion", "es"),
    ("cita previa para el padron", "empadronamiento", "como_solicitar", "es"),
    ("cuanto cuesta empadronarse", "empadronamiento", "descripcion", "es"),
    ("hola que tal, como saco la tarjeta sanitaria", "tarjeta_sanitaria", "como_solicitar", "es"),
    ("mi hijo nacio en españa, como lo empadrono", "empadronamiento", "como_solicitar", "es"),
    // French: procedures and facets, typos, mixed languages
    ("comment s'inscrire au padrón", "empadronamiento", "como_solicitar", "fr"),
    ("je veux voir un médecin", "tarjeta_sanitaria", "descripcion", "fr"),
    ("bonjour, comment avoir la carte vitale ?", "tarjeta_sanitaria", "como_solicitar", "fr"),
    ("c'est quoi le revenu minimum vital en espagne", "imv", "descripcion", "fr"),
    ("combien on touche avec l'imv", "imv", "cuantia", "fr"),
    ("montant de l'IMV pour une famille avec deux enfants", "imv", "cuantia", "fr"),
    ("est-ce que j'ai droit au revenu minimum si je suis sans papiers", "imv", "requisitos", "fr"),
    ("quels documents pour faire la demande du revenu minimum vital", "imv", "documentos", "fr"),
    ("combien de temps pour recevoir une reponse pour l'imv", "imv", "plazos", "fr"),
    ("quels documents pour l'empadronamiento", "empadronamiento", "documentos", "fr"),
    ("je peux m'inscrire au padron sans contrat de location ?", "empadronamiento", "requisitos", "fr"),
    ("bonjour je voudrais savoir comment faire le padrón à Madrid", "empadronamiento", "como_solicitar", "fr"),
    ("le certificat de padron est valable combien de temps", "empadronamiento", "plazos", "fr"),
    ("combien de temps pour avoir la tarjeta sanitaria", "tarjeta_sanitaria", "plazos", "fr"),
    ("où faire la demande de la carte sanitaire", "tarjeta_sanitaria", "como_solicitar", "fr"),
    ("ma carte sanitaire expire le mois prochain, comment la renouveler", "tarjeta_sanitaria", "plazos", "fr"),
    ("j'ai perdu ma carte vitale comment faire", "tarjeta_sanitaria", "problemas", "fr"),
    ("mon enfant est malade et je n'ai pas de médecin", "tarjeta_sanitaria", "descripcion", "fr"),
    ("quelles sont les conditions pour la carte sanitaire", "tarjeta_sanitaria", "requisitos", "fr"),
    ("quels papiers pour la carte sanitaire", "tarjeta_sanitaria", "documentos", "fr"),
    ("comment demander le revenu minimum en ligne", "imv", "como_solicitar", "fr"),
    ("imv montant", "imv", "cuantia", "fr"),
    // English: procedures and facets, typos, mixed languages
    ("how much is the imv", "imv", "cuantia", "en"),
    ("what is the padron", "empadronamiento", "descripcion", "en"),
    ("how do i get a tarjeta sanitaria", "tarjeta_sanitaria", "como_solicitar", "en"),
    ("what documents do i need for empadronamiento", "empadronamiento", "documentos", "en"),
    ("what are the requirements for the padron", "empadronamiento", "requisitos", "en"),
    ("how do I get the padrón certificate", "empadronamiento", "como_solicitar", "en"),
    ("Hello, I'm homeless, can I register at the town hall?", "empadronamiento", "requisitos", "en"),
    ("how long is the padron certificate valid", "empadronamiento", "plazos", "en"),
    ("can i get the minimum income without papers", "imv", "requisitos", "en"),
    ("how long does the ingreso minimo vital take", "imv", "plazos", "en"),
    ("what documents do i need to apply for the minimum income", "imv", "documentos", "en"),
    ("how much money per month for a family with 3 kids imv", "imv", "cuantia", "en"),
    ("i lost my health card, how to get a new one", "tarjeta_sanitaria", "problemas", "en"),
    ("when does my health card expire", "tarjeta_sanitaria", "plazos", "en"),
    ("what do i need to bring to get the tarjeta sanitaria", "tarjeta_sanitaria", "documentos", "en"),
    ("do i need an appointment to get the tarjeta sanitaria?", "tarjeta_sanitaria", "como_solicitar", "en"),
    ("hey, how do i get a doctor in spain?", "tarjeta_sanitaria", "como_solicitar", "en"),
    ("what is a health card", "tarjeta_sanitaria", "descripcion", "en"),
    ("am i entitled to a health card if i am undocumented", "tarjeta_sanitaria", "requisitos", "en"),
    ("imv requirements", "imv", "requisitos", "en"),
    ("what is the minimum living income", "imv", "descripcion", "en"),
    ("how much does the padron cost", "empadronamiento", "descripcion", "en"),
    ("hello! how do I register for the padron?", "empadronamiento", "como_solicitar", "en"),
    ("hi, is the ingreso minimo vital compatible with a job?", "imv", "requisitos", "en"),
    // Arabic: procedures and facets, typos, mixed languages
    ("ما هي البطاقة الصحية", "tarjeta_sanitaria", "descripcion", "ar"),
    ("ما هو الحد الأدنى للدخل", "imv", "descripcion", "ar"),
    ("ما هي شروط الحد الأدنى للدخل", "imv", "requisitos", "ar"),
    ("كم مبلغ الحد الأدنى للدخل", "imv", "cuantia", "ar"),
    ("كيف اقدم طلب الدخل الأدنى الحيوي", "imv", "como_solicitar", "ar"),
    ("ما هي الوثائق المطلوبة للدخل الأدنى", "imv", "documentos", "ar"),
    ("متى يصل الرد على طلب الحد الادنى للدخل", "imv", "plazos", "ar"),
    ("كيف اطلب البادرون", "empadronamiento", "como_solicitar", "ar"),
    ("ما هي الوثائق المطلوبة للبادرون", "empadronamiento", "documentos", "ar"),
    ("هل يحق لي التسجيل في البادرون بدون عقد كراء", "empadronamiento", "requisitos", "ar"),
    ("salam alaykum, bghit ndir lpadron kifach", "empadronamiento", "como_solicitar", "ar"),
    ("كم يستغرق الحصول على البطاقة الصحية", "tarjeta_sanitaria", "plazos", "ar"),
    ("اين اقدم طلب البطاقة الصحية", "tarjeta_sanitaria", "como_solicitar", "ar"),
    ("كيف اجدد البطاقة الصحية", "tarjeta_sanitaria", "plazos", "ar"),
    ("ابني مريض وليس عندي طبيب", "tarjeta_sanitaria", "descripcion", "ar"),
    ("كيف احصل على tarjeta sanitaria", "tarjeta_sanitaria", "como_solicitar", "ar"),
    ("ما هي الاوراق المطلوبة للبطاقة الصحية", "tarjeta_sanitaria", "documentos", "ar"),
    ("مرحبا، كيف احصل على البطاقة الصحية", "tarjeta_sanitaria", "como_solicitar", "ar"),
    ("هل يمكنني الحصول على البطاقة الصحية بدون اوراق", "tarjeta_sanitaria", "requisitos", "ar"),
    ("كم مدة صلاحية شهادة السكن", "empadronamiento", "plazos", "ar"),
    ("ما هو المبلغ الشهري للحد الادنى للدخل", "imv", "cuantia", "ar"),
    ("ماهي شروط البادرون", "empadronamiento", "requisitos", "ar"),
    // Voice-note-like run-on messages
    // How to, plus a landlord who refuses: the part for what to do when it goes wrong (how +
    // problem → problems), whose first point is this case ("El dueño no firma: …").
    ("hola mira te cuento que llegue hace tres meses a madrid y estoy viviendo en una habitacion y no se como hacer para empadronarme porque el dueño no quiere", "empadronamiento", "problemas", "es"),
    ("alors voila je suis arrivee en espagne il y a deux mois avec mes enfants et on n'a pas d'argent du tout est ce que je peux demander l'aide du revenu minimum", "imv", "requisitos", "fr"),
    ("hi so basically i just moved to valencia last week with my wife and two kids and we have no money at all and someone told me about some government help called the minimum income how do i apply", "imv", "como_solicitar", "en"),
    ("السلام عليكم انا وصلت الى اسبانيا منذ ثلاثة اشهر ولا اعرف كيف اسجل في البلدية لان صاحب الشقة لا يريد", "empadronamiento", "como_solicitar", "ar"),
    ("buenas tardes mire yo tengo dos niños y estoy sola no tengo trabajo ni nada y me dijeron en servicios sociales que pida una ayuda que se llama ingreso minimo vital pero no se que papeles tengo que llevar", "imv", "documentos", "es"),
    ("oui bonjour alors ma fille elle est enceinte et elle a pas de papiers ici en espagne est ce qu'elle peut aller chez le medecin gratuitement", "tarjeta_sanitaria", "requisitos", "fr"),
    ("السلام عليكم اختي عندي ثلاثة اطفال وزوجي ما عندو خدمة بغيت نعرف واش نقدر ناخذ الحد الادنى للدخل", "imv", "requisitos", "ar"),
    // Mentions a guardrail topic (violence, buying) but is a legitimate question: routed, not blocked
    ("¿las víctimas de violencia de género pueden pedir el IMV?", "imv", "requisitos", "es"),
    ("mi ex pareja me pegaba, ahora estoy sola con mis hijos, puedo cobrar el ingreso minimo vital", "imv", "requisitos", "es"),
    ("je suis victime de violences conjugales, ai-je droit au RSA espagnol ?", "imv", "requisitos", "fr"),
    ("i am a victim of domestic violence, can i get the minimum income?", "imv", "requisitos", "en"),
    ("covid hit me hard and i lost my job, can i get the minimum income?", "imv", "requisitos", "en"),
    ("انا ضحية عنف اسري هل يحق لي الحد الادنى للدخل", "imv", "requisitos", "ar"),
    ("denuncie a mi agresor y ahora vivo en una casa de acogida, me puedo empadronar alli?", "empadronamiento", "requisitos", "es"),
    ("je suis dans un foyer pour femmes victimes de violence, est-ce que je peux avoir la carte sanitaire", "tarjeta_sanitaria", "requisitos", "fr"),
    ("compro una casa, como me empadrono", "empadronamiento", "como_solicitar", "es"),
    // Greeting, menu, digits (greeting/menu words count only in short messages)
    ("hola", "greeting", "-", "es"),
    ("buenos dias", "greeting", "-", "es"),
    ("menu", "menu", "-", "es"),
    ("necesito ayuda", "menu", "-", "es"),
    ("salut", "greeting", "-", "fr"),
    ("aide", "menu", "-", "fr"),
    ("hello", "greeting", "-", "en"),
    ("help", "menu", "-", "en"),
    ("مرحبا", "greeting", "-", "ar"),
    ("القائمة", "menu", "-", "ar"),
    ("1️⃣", "imv", "descripcion", "es"),
    ("٢", "empadronamiento", "descripcion", "es"),
    ("3", "tarjeta_sanitaria", "descripcion", "es"),
    // Guardrails, Spanish: self-harm, violence now, illegal (fake papers, bought appointments)
    ("quiero suicidarme", "blocked", "-", "es"),
    ("ya no quiero vivir mas", "blocked", "-", "es"),
    ("me quiero matar", "blocked", "-", "es"),
    ("mi marido me pega y tengo miedo", "blocked", "-", "es"),
    ("mi pareja me esta amenazando ahora mismo", "blocked", "-", "es"),
    ("quiero comprar papeles falsos", "blocked", "-", "es"),
    ("donde compro una cita para extranjeria", "blocked", "-", "es"),
    ("cuanto cuesta un contrato de alquiler falso para empadronarme", "blocked", "-", "es"),
    ("me han dicho que me pueden vender una cita en extranjeria por 50 euros", "blocked", "-", "es"),
    ("donde consigo un nie falso", "blocked", "-", "es"),
    // Guardrails, French: self-harm, violence now, illegal (fake papers, bought appointments)
    ("je veux me suicider", "blocked", "-", "fr"),
    ("j'ai envie de mourir", "blocked", "-", "fr"),
    ("mon mari me frappe tous les jours", "blocked", "-", "fr"),
    ("il m'a menacée avec un couteau", "blocked", "-", "fr"),
    ("où acheter de faux papiers", "blocked", "-", "fr"),
    ("je veux acheter un rendez-vous à la préfecture", "blocked", "-", "fr"),
    ("je n'en peux plus, je veux en finir", "blocked", "-", "fr"),
    ("je peux acheter un rdv pour la prefecture ?", "blocked", "-", "fr"),
    // Guardrails, English: self-harm, violence now, illegal (fake papers, bought appointments)
    ("i want to kill myself", "blocked", "-", "en"),
    ("my husband hits me and i am scared", "blocked", "-", "en"),
    ("he is threatening me right now", "blocked", "-", "en"),
    ("where can i buy fake papers for the padron", "blocked", "-", "en"),
    ("where can i buy an appointment at extranjeria", "blocked", "-", "en"),
    ("i want to die", "blocked", "-", "en"),
    ("my partner is hitting me right now", "blocked", "-", "en"),
    // Guardrails, Arabic: self-harm, violence now, illegal (fake papers, bought appointments)
    ("اريد ان انتحر", "blocked", "-", "ar"),
    ("زوجي يضربني", "blocked", "-", "ar"),
    ("اريد شراء اوراق مزورة", "blocked", "-", "ar"),
    ("اين اشتري موعد", "blocked", "-", "ar"),
    ("زوجي يهددني بالقتل", "blocked", "-", "ar"),
    ("اريد ان اموت", "blocked", "-", "ar"),
    // Out of scope, Spanish: a miss, never a wrong procedure
    ("que tiempo hace mañana en madrid", "none", "-", "es"),
    ("quien gano el partido del madrid ayer", "none", "-", "es"),
    ("mi casero me quiere subir el alquiler, es legal?", "none", "-", "es"),
    ("necesito papeles", "none", "-", "es"),
    ("quiero trabajar", "none", "-", "es"),
    ("necesito un visado de turista para ir a españa", "none", "-", "es"),
    ("como renuevo mi nie", "nie_tie", "plazos", "es"),
    ("necesito un abogado para mi caso de asilo", "proteccion_internacional", "descripcion", "es"),
    ("¿me pueden echar del piso si no pago?", "none", "-", "es"),
    // Out of scope, French: a miss, never a wrong procedure
    ("quel temps fait il demain a barcelone", "none", "-", "fr"),
    ("je cherche du travail", "none", "-", "fr"),
    ("mon propriétaire ne veut pas me rendre la caution du logement", "none", "-", "fr"),
    ("comment obtenir la nationalite espagnole", "none", "-", "fr"),
    // Out of scope, English: a miss, never a wrong procedure
    ("what's the weather", "none", "-", "en"),
    ("who won the football match yesterday", "none", "-", "en"),
    ("my landlord wants to raise the rent of my flat", "none", "-", "en"),
    ("i need a tourist visa to visit spain", "none", "-", "en"),
    ("i want to work", "none", "-", "en"),
    ("how do i open a bank account", "none", "-", "en"),
    ("can i get a work permit", "none", "-", "en"),
    // Out of scope, Arabic: a miss, never a wrong procedure
    ("كيف الطقس اليوم", "none", "-", "ar"),
    ("اريد ان اعمل", "none", "-", "ar"),
    ("من فاز في المباراة", "none", "-", "ar"),
    ("اريد تأشيرة سياحية", "none", "-", "ar"),
    ("كيف احصل على الاقامة", "none", "-", "ar"),
    ("المالك يريد ان يرفع الكراء", "none", "-", "ar"),
    // A condition after a question keeps the question's facet; alone, it asks for the
    // requirements.
    ("como me empadrono si vivo solo", "empadronamiento", "como_solicitar", "es"),
    ("how do i apply for the imv if i am a student", "imv", "como_solicitar", "en"),
    ("fin ndir lpadron ila ma3ndich contrat", "empadronamiento", "como_solicitar", "ar"),
    ("el imv si soy estudiante", "imv", "requisitos", "es"),
    // Darija's "karta" is the residence card, unless it is the health one.
    ("kifach ndir lkarta", "nie_tie", "como_solicitar", "ar"),
    ("kifach ndir lkarta sanitaria", "tarjeta_sanitaria", "como_solicitar", "ar"),
    ("bghit lkarta dyal sbitar", "tarjeta_sanitaria", "descripcion", "ar"),
];

#[test]
fn routing_table() {
    let responder = Responder::default();
    let mut failures = Vec::new();
    for &(question, intent, facet, lang) in CASES {
        let reply = responder.respond(question, None);
        let got = (
            reply.intent.as_str(),
            reply.facet.map_or("-", |f| f.as_str()),
            reply.lang.as_str(),
        );
        if got != (intent, facet, lang) {
            failures.push(format!(
                "{question:?}: expected {intent}/{facet}/{lang}, got {}/{}/{}",
                got.0, got.1, got.2
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} routing cases failed:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );
}

#[test]
fn explicit_language_wins_over_detection() {
    let reply = Responder::default().respond("¿Qué es el IMV?", Some(Lang::Ar));
    assert_eq!(reply.lang, Lang::Ar);
    assert_eq!(reply.answer.id, "imv.descripcion.ar");
}

#[test]
fn guardrails_can_be_switched_off() {
    let reply = Responder::new(false).respond("quiero suicidarme", None);
    assert_eq!(reply.intent.as_str(), "none");
}

#[test]
fn a_specific_facet_beats_the_description() {
    let responder = Responder::default();
    for (question, facet) in [
        ("what is the amount of the imv", "cuantia"),
        ("c'est quoi les documents pour le padron", "documentos"),
    ] {
        let reply = responder.respond(question, None);
        assert_eq!(reply.facet.map(|f| f.as_str()), Some(facet), "{question}");
    }
}

/// "Do I need X for Y?": a procedure named as what another one is for, the two tying, asks for
/// the requirements of the goal. `(question, procedure, facet)`; each was the first procedure's
/// description (or another part of it), or the goal's description, before the rule.
#[rustfmt::skip]
const GOALS: &[(&str, &str, &str)] = &[
    ("necesito padron para el imv?", "imv", "requisitos"),
    ("hace falta estar empadronado para la tarjeta sanitaria?", "tarjeta_sanitaria", "requisitos"),
    ("necesito el nie para cobrar el paro?", "prestacion_desempleo", "requisitos"),
    ("cuanto tiempo hay que estar empadronado para pedir el imv", "imv", "requisitos"),
    // How long one must be registered is a condition, not the padrón's deadlines; the term
    // that says so ends with the purpose word.
    ("cuanto tiempo tengo que estar empadronado para el arraigo", "arraigo", "requisitos"),
    ("cuantos años tengo q estar empadronado para pedir el arraigo", "arraigo", "requisitos"),
    ("tengo que estar empadronado para pedir la tarjeta sanitaria?", "tarjeta_sanitaria", "requisitos"),
    ("mi tarjeta roja sirve para empadronarme?", "empadronamiento", "requisitos"),
    ("il faut le padron pour la carte sanitaire ?", "tarjeta_sanitaria", "requisitos"),
    ("j'ai besoin du padron pour l'imv ?", "imv", "requisitos"),
    ("do i need the padron for the health card?", "tarjeta_sanitaria", "requisitos"),
    ("is the padron required for the imv?", "imv", "requisitos"),
    ("wach khass lpadron bach ndir lkarta sanitaria", "tarjeta_sanitaria", "requisitos"),
    ("واش خاصني النيي باش ناخد الشوماج", "prestacion_desempleo", "requisitos"),
    // The goal first, at the start of the message.
    ("para el imv necesito el padron?", "imv", "requisitos"),
    ("for the imv i need the padron certificate?", "imv", "requisitos"),
    ("باش ناخد البطاقة الصحية خاصني البادرون؟", "tarjeta_sanitaria", "requisitos"),
];

/// Look-alikes: the procedure named first keeps the message when it asks for another part of it,
/// or when no procedure comes before the purpose word; and a lawyer, who is always for something,
/// keeps it whatever it is for.
#[rustfmt::skip]
const NOT_GOALS: &[(&str, &str, &str)] = &[
    ("cuanto tarda el padron para pedir el imv", "empadronamiento", "plazos"),
    ("como me empadrono para pedir el arraigo", "empadronamiento", "como_solicitar"),
    ("me piden el padron para el imv y no lo tengo", "empadronamiento", "documentos"),
    ("necesito el padron para la tarjeta sanitaria, donde lo pido?", "empadronamiento", "como_solicitar"),
    ("que papeles necesito para el padron y para la tarjeta sanitaria", "empadronamiento", "documentos"),
    ("i applied for asylum, can i get the health card?", "proteccion_internacional", "requisitos"),
    ("necesito abogado de oficio para el asilo?", "justicia_gratuita", "descripcion"),
    ("un avocat gratuit pour l'asile ?", "justicia_gratuita", "descripcion"),
    ("para el asilo necesito abogado de oficio?", "justicia_gratuita", "descripcion"),
];

/// A procedure named as something the person lacks, or does not mean (`carencia`), next to
/// another: the other is the question. `(question, procedure, facet)`; the first four and the
/// corrections went to the procedure lacked before the rule.
#[rustfmt::skip]
const LACKED: &[(&str, &str, &str)] = &[
    ("no tengo el padron, puedo pedir el imv?", "imv", "requisitos"),
    ("sin padron puedo tener la tarjeta sanitaria?", "tarjeta_sanitaria", "requisitos"),
    ("ماعنديش النيي واش نقدر ندير الكارطة ديال الصحة", "tarjeta_sanitaria", "requisitos"),
    ("no tengo nie, me dan el paro?", "prestacion_desempleo", "requisitos"),
    ("je n'ai pas de NIE, je peux avoir la carte sanitaire?", "tarjeta_sanitaria", "requisitos"),
    ("sans padron je peux demander l'arraigo ?", "arraigo", "requisitos"),
    ("without padron can i apply for the imv?", "imv", "requisitos"),
    ("bla padron wach n9der ndir lkarta sanitaria", "tarjeta_sanitaria", "requisitos"),
    // Corrections.
    ("no, no el NIE, la tarjeta roja", "proteccion_internacional", "descripcion"),
    ("non pas le NIE, le padron", "empadronamiento", "descripcion"),
    ("machi chomage, l imv", "imv", "descripcion"),
    ("لا ماشي النيي، الكارطة الحمرا", "proteccion_internacional", "descripcion"),
    ("el paro no, el imv", "imv", "descripcion"),
    ("no perdon, el nie no, la tarjeta roja", "proteccion_internacional", "descripcion"),
    ("البارو لا، الإيمف", "imv", "descripcion"),
    // A "no" after a procedure that is not followed by another one refuses nothing.
    ("¿el imv no es compatible con el paro?", "imv", "requisitos"),
    // The only procedure named, lacked or not, is the question; so is one named after all.
    ("no tengo padron, donde me empadrono?", "empadronamiento", "como_solicitar"),
    ("no tengo el padron ni el nie", "empadronamiento", "descripcion"),
    ("sin abogado de oficio me denegaron el asilo", "proteccion_internacional", "problemas"),
];

#[test]
fn a_procedure_named_as_what_another_is_for_or_as_lacked_leaves_the_question_to_the_other() {
    let responder = Responder::default();
    let failures: Vec<String> = GOALS
        .iter()
        .chain(NOT_GOALS)
        .chain(LACKED)
        .filter_map(|&(question, procedure, facet)| {
            let reply = responder.respond(question, None);
            let got = (
                reply.intent.as_str(),
                reply.facet.map_or("-", |f| f.as_str()),
            );
            (got != (procedure, facet)).then(|| {
                format!(
                    "{question:?}: expected {procedure}/{facet}, got {}/{}",
                    got.0, got.1
                )
            })
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn faq_questions_are_answered_word_for_word_in_their_language() {
    let responder = Responder::default();
    let reply = responder.respond("¿Necesito contrato de alquiler para empadronarme?", None);
    assert_eq!(reply.answer.id, "faq.padron_sin_contrato.es");
    assert_eq!(reply.intent.as_str(), "empadronamiento");
    let reply = responder.respond("Can I register without a rental contract?", None);
    assert_eq!(reply.answer.id, "faq.padron_sin_contrato.en");
    // Asked for another language explicitly: the FAQ entry does not apply.
    let reply = responder.respond("me puedo empadronar sin contrato", Some(Lang::Fr));
    assert_ne!(reply.answer.id, "faq.padron_sin_contrato.es");
}

/// Darija written in Latin letters, with Spanish paperwork words in it: answered in Arabic,
/// whether it is told by a digit spelling a letter (`3`, `7`, `9`) or by a common word.
#[rustfmt::skip]
const ARABIZI: &[&str] = &[
    "wach ymkn liya nakhod l imv",
    "ana ma3ndich l contrat dyal lkra",
    "fin ndir la cita dyal nie",
    "khouya bgha ydir asilo",
    "smhli ma fhmtch",
    "bghit l avocat bla flous",
    "mrati ma3ndhach lwra9",
    "kont khdam f lobra, daba bghit lparo",
    "3afak fin kayna oficina dyal padron",
    // As many French words as Darija ones: a Darija word weighs more.
    "bghit avocat gratuit",
    // "ma" is French too ("ma carte"); "kaynach" tells Darija.
    "w sita ma kaynach",
];

/// Spanish, French and English with numbers glued to words, or SMS spellings: not Arabizi.
#[rustfmt::skip]
const NOT_ARABIZI: &[(&str, Lang)] = &[
    ("tengo 3hijos y llevo 7meses en madrid, como pido el imv", Lang::Es),
    ("salu2, como me empadrono", Lang::Es),
    ("j'ai 3enfants et je suis la depuis 3ans, comment avoir la carte sanitaire", Lang::Fr),
    ("rdv a 9h pour le nie, il faut quels documents", Lang::Fr),
    ("I came on the 3rd, gr8, how do I register at the padron", Lang::En),
    ("after covid19 I lost my job, can I get unemployment benefit", Lang::En),
];

/// Short Spanish with none of the words that told Spanish before ("que", "si", "no", "me" are
/// French or English too): `whatlang` answered the first in French and the second in English.
#[test]
fn short_spanish_with_only_everyday_words_is_answered_in_spanish() {
    let responder = Responder::default();
    for text in ["que pasa si no me empadrono", "llevo un año aqui sin nie"] {
        assert_eq!(responder.respond(text, None).lang, Lang::Es, "{text}");
    }
}

/// A procedure named alone by its French or English name. "chom*" is listed for French only:
/// listed for Darija as well it would tell no language, and "le chomage" was answered in Spanish
/// ("bghit chomage" still tells Darija by "bghit").
#[test]
fn a_procedure_named_alone_is_answered_in_the_language_of_its_name() {
    let responder = Responder::default();
    let cases = [
        ("asile", Lang::Fr, ProcedureId::ProteccionInternacional),
        ("l'asile", Lang::Fr, ProcedureId::ProteccionInternacional),
        ("le chômage", Lang::Fr, ProcedureId::PrestacionDesempleo),
        ("chomage?", Lang::Fr, ProcedureId::PrestacionDesempleo),
        ("asylum", Lang::En, ProcedureId::ProteccionInternacional),
        ("asilo", Lang::Es, ProcedureId::ProteccionInternacional),
        ("bghit chomage", Lang::Ar, ProcedureId::PrestacionDesempleo),
        (
            "bghit asile",
            Lang::Ar,
            ProcedureId::ProteccionInternacional,
        ),
    ];
    for (text, lang, procedure) in cases {
        let reply = responder.respond(text, None);
        assert_eq!(reply.intent, Intent::Procedure(procedure), "{text}");
        assert_eq!(reply.lang, lang, "{text}");
    }
}

#[test]
fn arabizi_is_answered_in_arabic() {
    let responder = Responder::default();
    let wrong: Vec<_> = ARABIZI
        .iter()
        .map(|text| (text, responder.respond(text, None).lang))
        .filter(|(_, lang)| *lang != Lang::Ar)
        .collect();
    assert!(wrong.is_empty(), "not answered in Arabic: {wrong:?}");
}

#[test]
fn numbers_glued_to_words_do_not_make_a_message_arabizi() {
    let responder = Responder::default();
    let wrong: Vec<_> = NOT_ARABIZI
        .iter()
        .map(|(text, lang)| (text, lang, responder.respond(text, None).lang))
        .filter(|(_, lang, got)| *lang != got)
        .collect();
    assert!(wrong.is_empty(), "(text, expected, got): {wrong:?}");
}

#[test]
fn an_arabizi_vocabulary_word_votes_once() {
    // The digit rule counts "lmaw3id" at run time; the compiled term casts no second vote.
    let digit_word = clara::kb::TERMS.word("lmaw3id").expect("a vocabulary word");
    assert_eq!(digit_word.lang, None);
    let plain_word = clara::kb::TERMS.word("bghit").expect("a language hint");
    assert_eq!(plain_word.lang, Some(Lang::Ar));
}
