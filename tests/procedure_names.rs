//! Procedures named the way people name them: nicknames and descriptions instead of the official
//! name ("la ayuda de los 600 euros", "la tarjeta de la seguridad social", "el dni de extranjero",
//! "l'aide de l'état pour les pauvres", "la carte de sécu", "the social security card", "register
//! at the council", "lflous dyal dawla", "lkarta dyal tbib", "النمرة ديال الأجانب", "الورقة ديال
//! الجماعة"), misspellings ("arriago", "extrangero", "residance", "empruntes") and Spanish or
//! French words inside Darija ("l'aide dyal dawla", "lminimo vital", "الإنغريسو", "الميديكو"). A
//! description that could belong to another procedure is `medio` in the vocabulary (enough
//! alone, but a procedure named wins): "la ayuda de 600 euros del paro" is about the paro. The
//! guards are messages with the same words that keep their procedure, or none: the health card
//! is not the residence card ("lkarta" alone), a social security *number* is no procedure, the
//! state's help for asylum seekers is asylum. Written the way people write, without
//! `data/evals`.

mod answers;

use Lang::*;
use ProcedureId::*;
use clara::Intent::{Menu, Procedure};
use clara::{Intent, Lang, ProcedureId};

/// `(message, language, procedure)`: each found no procedure before these words (or, for
/// "lkarta dyal tbib", "الكارطة ديال السبيطار" and "la carte de sécu avec le récépissé d'asile",
/// another one: the residence card, asylum). One row per line.
#[rustfmt::skip]
const NAMES: &[(&str, Lang, ProcedureId)] = &[
    // Spanish: imv
    ("como pido la ayuda de los 600 euros", Es, Imv),
    ("me pueden dar la ayuda para familias pobres", Es, Imv),
    ("la paga del estado para los pobres como se pide", Es, Imv),
    ("quiero la ayuda de la seguridad social xq no tengo trabajo ni nada", Es, Imv),
    ("el ivm como lo pido", Es, Imv),
    ("cuanto dan del imb", Es, Imv),
    ("la renta vital es para extranjeros?", Es, Imv),
    // Spanish: empadronamiento
    ("como me apunto en el censo municipal", Es, Empadronamiento),
    ("el certificado de domicilio donde lo saco", Es, Empadronamiento),
    // Spanish: tarjeta_sanitaria
    ("la tarjeta de la seguridad social como la saco", Es, TarjetaSanitaria),
    ("la cartilla de la seguridad social se renueva?", Es, TarjetaSanitaria),
    ("vengo de valencia y tengo la tarjeta sip, vale aqui?", Es, TarjetaSanitaria),
    ("targeta de la seguridad social para mi hijo", Es, TarjetaSanitaria),
    // Spanish: nie_tie
    ("como saco el dni de extranjero", Es, NieTie),
    ("nesecito el numero extranjero para trabajar", Es, NieTie),
    ("que papeles piden para la tarjeta residencia", Es, NieTie),
    ("el numero de extrangero tarda mucho?", Es, NieTie),
    // Spanish: arraigo
    ("el arriago como se hace", Es, Arraigo),
    ("cuanto tarda el arriago social", Es, Arraigo),
    // Spanish: proteccion_internacional
    ("proteccion humanitaria que es", Es, ProteccionInternacional),
    // Spanish: justicia_gratuita
    ("busco un abogado que no cobre", Es, JusticiaGratuita),
    ("no tengo dinero para un abogado que hago", Es, JusticiaGratuita),
    ("necesito un abogado de ofisio", Es, JusticiaGratuita),
    ("donde puedo pedir ayuda legal gratis", Es, JusticiaGratuita),
    ("el abogado del turno como se pide", Es, JusticiaGratuita),
    // Spanish: prestacion_desempleo
    ("la ayuda de los 480 euros me la dan?", Es, PrestacionDesempleo),
    // French: imv
    ("comment avoir l'aide de l'état pour les pauvres", Fr, Imv),
    ("l'aide de 600 euros comment faire la demande", Fr, Imv),
    ("le rmi ça existe en espagne ?", Fr, Imv),
    ("j'ai droit à l'aide pour les familles pauvres ?", Fr, Imv),
    ("l'argent de l'état pour ceux qui ont rien, c'est quoi les conditions", Fr, Imv),
    ("l'aide de l'état pour les étrangers", Fr, Imv),
    // French: empadronamiento
    ("l'attestation de domicile ou je la demande", Fr, Empadronamiento),
    // French: tarjeta_sanitaria
    ("comment avoir la carte de sécu en espagne", Fr, TarjetaSanitaria),
    ("la carte vital espagnole comment je fais", Fr, TarjetaSanitaria),
    ("je veux voir un toubib mais j'ai pas de papiers", Fr, TarjetaSanitaria),
    ("comment me faire soigner gratuitement ici", Fr, TarjetaSanitaria),
    ("la carte d'assurance maladie c'est où ?", Fr, TarjetaSanitaria),
    ("la tarjeta sanitaire pour mon fils", Fr, TarjetaSanitaria),
    ("la carte de sécu avec le récépissé d'asile", Fr, TarjetaSanitaria),
    // French: nie_tie
    ("comment avoir la carte d'étranger", Fr, NieTie),
    ("le numéro pour les étrangers il faut quoi", Fr, NieTie),
    ("la carte de residant expire bientot", Fr, NieTie),
    ("rdv pour les empruntes digitales", Fr, NieTie),
    ("le titre de sejours combien de temps", Fr, NieTie),
    // French: arraigo
    ("les papiers par le travail c'est possible ?", Fr, Arraigo),
    // French: proteccion_internacional
    ("c'est quoi la protection humanitaire", Fr, ProteccionInternacional),
    // French: justicia_gratuita
    ("je cherche un avocat pas cher, j'ai pas d'argent", Fr, JusticiaGratuita),
    ("un avocat payé par l'état comment ça marche", Fr, JusticiaGratuita),
    // French: prestacion_desempleo
    ("les assedic en espagne", Fr, PrestacionDesempleo),
    // English: imv
    ("how do i get the 600 euro help", En, Imv),
    ("is there government help for poor people here", En, Imv),
    ("is there income support in spain", En, Imv),
    ("universal credit in spain how to apply", En, Imv),
    // English: empadronamiento
    ("how do i register at the council", En, Empadronamiento),
    ("how do i get the certificate of address", En, Empadronamiento),
    ("need proof of residence from the townhall", En, Empadronamiento),
    ("what is the municipal census", En, Empadronamiento),
    // English: tarjeta_sanitaria
    ("how do i get a social security card", En, TarjetaSanitaria),
    ("need the seguridad social card for my baby", En, TarjetaSanitaria),
    ("do i need health insurance to see a dr", En, TarjetaSanitaria),
    ("is there an nhs card in spain", En, TarjetaSanitaria),
    ("how to get the hospital card", En, TarjetaSanitaria),
    // English: nie_tie
    ("how do i get my foreigner's number", En, NieTie),
    ("what is the id for foreigners called", En, NieTie),
    ("the residance card how long does it take", En, NieTie),
    // English: arraigo
    ("how do i get the social roots permit", En, Arraigo),
    // English: proteccion_internacional
    ("can i get humanitarian protection", En, ProteccionInternacional),
    // English: justicia_gratuita
    ("i have no money for a lawyer", En, JusticiaGratuita),
    ("can i get a lawyer paid by the state", En, JusticiaGratuita),
    ("where do i find legal help for free", En, JusticiaGratuita),
    // English: prestacion_desempleo
    ("how do i claim jsa here", En, PrestacionDesempleo),
    // Arabic (Darija): imv
    ("كيفاش ناخد الفلوس ديال الدولة", Ar, Imv),
    ("بغيت المساعدة ديال الدولة", Ar, Imv),
    ("شنو خاص باش ناخد المساعدة ديال الفقراء", Ar, Imv),
    ("الإنغريسو مينيمو شحال كيعطيو", Ar, Imv),
    ("كيفاش نطلب لينغريسو", Ar, Imv),
    // Arabic (Darija): empadronamiento
    ("الورقة ديال الجماعة كيفاش نجيبها", Ar, Empadronamiento),
    ("الورقة ديال الأيونتامينتو", Ar, Empadronamiento),
    ("كيفاش نتسجل فالجماعة هنا", Ar, Empadronamiento),
    // Arabic (Darija): tarjeta_sanitaria
    ("البطاقة ديال السبيطار كيفاش ندير", Ar, TarjetaSanitaria),
    ("الكارطة ديال السبيطار فين نديرها", Ar, TarjetaSanitaria),
    ("بغيت الكارطة ديال الطبيب لولدي", Ar, TarjetaSanitaria),
    ("لاكارط ديال السبيطار ضاعت ليا", Ar, TarjetaSanitaria),
    ("شنو هي الراميد ديال سبانيا", Ar, TarjetaSanitaria),
    ("بغيت نمشي للميديكو", Ar, TarjetaSanitaria),
    ("الكارطة ديال السبيطار بلا بادرون", Ar, TarjetaSanitaria),
    // Arabic (Darija): nie_tie
    ("النمرة ديال الأجانب كيفاش ناخدها", Ar, NieTie),
    ("النومرو ديال الأجانب شحال كياخد", Ar, NieTie),
    ("البطاقة ديال الإقامة كيفاش ندير ليها", Ar, NieTie),
    ("الطارخيطا ديال الإقامة شنو خاص", Ar, NieTie),
    ("شنو خاص باش ندير البطاقة ديال الأجانب", Ar, NieTie),
    // Arabic (Darija): justicia_gratuita
    ("بغيت محامي ديال الدولة", Ar, JusticiaGratuita),
    // Arabic (Arabizi): imv
    ("bghit lflous dyal dawla kifach", Ar, Imv),
    ("bghit l'aide dyal dawla", Ar, Imv),
    ("lmsa3ada dyal dawla chno khass", Ar, Imv),
    ("l'aide dyal 600 euro kifach ndirha", Ar, Imv),
    ("lminimo vital wach n9der nakhdo", Ar, Imv),
    // Arabic (Arabizi): empadronamiento
    ("lwra9a dyal ljma3a kifach nakhodha", Ar, Empadronamiento),
    ("badroun kifach ndiro", Ar, Empadronamiento),
    // Arabic (Arabizi): tarjeta_sanitaria
    ("kifach ndir lkarta dyal tbib", Ar, TarjetaSanitaria),
    ("bghit lkarta dyal sa7a l weldi", Ar, TarjetaSanitaria),
    ("karta dyal sbitar chno khassni", Ar, TarjetaSanitaria),
    ("lkart dyal tbib salat", Ar, TarjetaSanitaria),
    ("kifach ndir ramed f spania", Ar, TarjetaSanitaria),
    ("kifach ndir lkarta dyal tbib ila ma3ndich lpadron", Ar, TarjetaSanitaria),
    // Arabic (Arabizi): nie_tie
    ("chno khass l nemra dyal lajanib", Ar, NieTie),
    ("bghit ndir lnie", Ar, NieTie),
    ("fin ndir lbsma", Ar, NieTie),
    // Arabic (Arabizi): arraigo
    ("bghit ndir lariago", Ar, Arraigo),
    // Arabic (Arabizi): justicia_gratuita
    ("bghit lavocat fabor", Ar, JusticiaGratuita),
    ("bghit m7ami dyal dawla", Ar, JusticiaGratuita),
    // Arabic (Arabizi): prestacion_desempleo
    ("bghit nakhod lbatala", Ar, PrestacionDesempleo),
    ("lflous dyal lbatala chhal", Ar, PrestacionDesempleo),
    // Arabic (MSA): imv
    ("كيف أحصل على الدخل الأساسي في إسبانيا", Ar, Imv),
    ("ما هي شروط المدخول الأدنى", Ar, Imv),
    ("كيف أحصل على الحد الأدنى للمعيشة", Ar, Imv),
    ("كيف احصل على مساعدة الدولة للأسر الفقيرة", Ar, Imv),
    // Arabic (MSA): empadronamiento
    ("كيف أحصل على شهادة العنوان", Ar, Empadronamiento),
    ("كيف أسجل في سجل السكان", Ar, Empadronamiento),
    // Arabic (MSA): tarjeta_sanitaria
    ("كيف أحصل على بطاقة المستشفى", Ar, TarjetaSanitaria),
    ("هل يمكنني الحصول على التغطية الصحية بدون أوراق", Ar, TarjetaSanitaria),
    ("كيف أحصل على بطاقة التطبيب", Ar, TarjetaSanitaria),
    // Arabic (MSA): nie_tie
    ("كيف أحصل على رقم هوية الأجنبي", Ar, NieTie),
    ("ما هي وثائق بطاقة الهوية للأجانب", Ar, NieTie),
    ("أين أطلب رقم التعريف للأجانب", Ar, NieTie),
    // Arabic (MSA): proteccion_internacional
    ("كيف أطلب الحماية الإنسانية", Ar, ProteccionInternacional),
    // Arabic (MSA): justicia_gratuita
    ("هل يمكنني الحصول على محامي من الدولة", Ar, JusticiaGratuita),
];

/// `(message, language, intent)`: messages with the words of [`NAMES`] (a card, a number, the
/// state, help, a lawyer, the town hall, money) answered so before those words, and still: a
/// procedure named beats a description ("lflous dyal dawla dyal chomage"), and what is not one
/// of the procedures stays a miss ("el numero de la seguridad social", "the minimum wage",
/// "النمرة ديال الهاتف").
#[rustfmt::skip]
const NAME_GUARDS: &[(&str, Lang, Intent)] = &[
    // Spanish
    ("como saco el numero de la seguridad social", Es, Intent::None),
    ("me dieron de alta en la seguridad social", Es, Intent::None),
    ("cuanto es el salario minimo", Es, Intent::None),
    ("quiero sacar el dni", Es, Intent::None),
    ("papeles", Es, Intent::None),
    ("ayuda", Es, Menu),
    ("cobro 600 euros de paro puedo pedir otra ayuda", Es, Procedure(PrestacionDesempleo)),
    ("la ayuda de 600 euros del paro", Es, Procedure(PrestacionDesempleo)),
    ("me quitaron la ayuda del paro de 480 euros", Es, Procedure(PrestacionDesempleo)),
    ("necesito ayuda con el arraigo", Es, Procedure(Arraigo)),
    ("necesito ayuda legal para el arraigo", Es, Procedure(Arraigo)),
    ("abogado para el arraigo", Es, Procedure(Arraigo)),
    ("abogado barato para el asilo", Es, Procedure(ProteccionInternacional)),
    ("la tarjeta de residencia de mi hijo", Es, Procedure(NieTie)),
    // French
    ("l'aide de l'état pour les demandeurs d'asile", Fr, Procedure(ProteccionInternacional)),
    ("l'aide de l'état pour le chômage", Fr, Procedure(PrestacionDesempleo)),
    ("l'aide de la mairie", Fr, Procedure(Empadronamiento)),
    ("je cherche un avocat pour l'asile", Fr, Procedure(ProteccionInternacional)),
    ("un avocat de l'état pour l'asile", Fr, Procedure(ProteccionInternacional)),
    // English
    ("what is the minimum wage in spain", En, Intent::None),
    ("the social security number", En, Intent::None),
    ("i got a call from a foreign number", En, Intent::None),
    ("the council wants to evict me", En, Intent::None),
    ("help", En, Menu),
    ("state help for asylum seekers", En, Procedure(ProteccionInternacional)),
    ("i lost my job, can i get state help", En, Procedure(PrestacionDesempleo)),
    ("do i need health insurance for the residence card", En, Procedure(NieTie)),
    ("do i need private health insurance for arraigo", En, Procedure(Arraigo)),
    ("my lawyer for the asylum case", En, Procedure(ProteccionInternacional)),
    // Arabic: Darija, Arabizi, MSA
    ("lflous dyal chomage", Ar, Procedure(PrestacionDesempleo)),
    ("lflous dyal dawla dyal chomage", Ar, Procedure(PrestacionDesempleo)),
    ("nemra dyal telephone", Ar, Intent::None),
    ("mchit l sbitar", Ar, Intent::None),
    ("lwra9 dyal lbaladiya", Ar, Procedure(Empadronamiento)),
    ("bghit ndir lwra9", Ar, Procedure(Arraigo)),
    ("النمرة ديال الهاتف", Ar, Intent::None),
    ("الكارطة ديال الإقامة", Ar, Procedure(NieTie)),
    ("كيفاش نجدد الكارطة", Ar, Procedure(NieTie)),
    ("الحد الأدنى للأجور", Ar, Intent::None),
    ("المنحة ديال البطالة", Ar, Procedure(PrestacionDesempleo)),
    ("محامي ديال اللجوء", Ar, Procedure(ProteccionInternacional)),
    ("الجماعة ديالي فالمغرب", Ar, Intent::None),
    ("التأمين الصحي باش ندير الأرايغو", Ar, Procedure(Arraigo)),
];

#[test]
fn procedures_named_the_way_people_name_them_are_found() {
    let table: Vec<_> = NAMES
        .iter()
        .map(|&(message, lang, procedure)| (message, lang, Procedure(procedure)))
        .collect();
    answers::assert_intents("names", &table);
}

#[test]
fn the_same_words_keep_their_procedure_or_none() {
    answers::assert_intents("guards", NAME_GUARDS);
}

#[test]
fn every_language_and_every_procedure_has_its_names() {
    for &lang in Lang::ALL {
        let n = NAMES.iter().filter(|&&(_, l, _)| l == lang).count();
        assert!(n >= 15, "{lang}: {n} names");
        let g = NAME_GUARDS.iter().filter(|&&(_, l, _)| l == lang).count();
        assert!(g >= 5, "{lang}: {g} guards");
    }
    for &procedure in ProcedureId::ALL {
        let n = NAMES.iter().filter(|&&(_, _, p)| p == procedure).count();
        assert!(n >= 4, "{procedure}: {n} names");
    }
}

/// The town hall is where people are told things about every procedure, so naming it is enough
/// for the padrón only when nothing else is named (`medio`): each of these went to the padrón
/// before, because the town hall came first and weighed as much as the procedure.
const TOWN_HALL_THEN_A_PROCEDURE: &[(&str, Lang, ProcedureId)] = &[
    (
        "en el ayuntamiento me dijeron que no puedo pedir el imv",
        Es,
        Imv,
    ),
    ("at the townhall they told me i cant get the imv", En, Imv),
    (
        "a la mairie ils m'ont dit que je peux pas avoir l'imv",
        Fr,
        Imv,
    ),
    ("f lbaladiya galou liya ma n9derch ndir limv", Ar, Imv),
    (
        "the town hall said i need a lawyer for my asylum",
        En,
        ProteccionInternacional,
    ),
];

#[test]
fn the_town_hall_gives_way_to_the_procedure_named_and_alone_is_the_padron() {
    let table: Vec<_> = TOWN_HALL_THEN_A_PROCEDURE
        .iter()
        .map(|&(message, lang, procedure)| (message, lang, Procedure(procedure)))
        .chain([
            ("ayuntamiento", Es, Procedure(Empadronamiento)),
            ("la mairie", Fr, Procedure(Empadronamiento)),
            ("town hall", En, Procedure(Empadronamiento)),
            ("البلدية", Ar, Procedure(Empadronamiento)),
            (
                "lwra9a dyal lbaladiya ma bghawch y3tiwhali",
                Ar,
                Procedure(Empadronamiento),
            ),
        ])
        .collect();
    answers::assert_intents("town hall", &table);
}

/// Asking for a lawyer, with no procedure named, is asking for the free one (`medio`): each found
/// no procedure before, the lawyer words needing a second word. A procedure named wins.
#[test]
fn a_lawyer_asked_for_alone_is_free_legal_aid_and_a_procedure_named_wins() {
    answers::assert_intents(
        "lawyers",
        &[
            ("necesito un abogado", Es, Procedure(JusticiaGratuita)),
            ("j'ai besoin d'un avocat", Fr, Procedure(JusticiaGratuita)),
            ("i need a lawyer", En, Procedure(JusticiaGratuita)),
            ("bghit avocat", Ar, Procedure(JusticiaGratuita)),
            ("بغيت محامي", Ar, Procedure(JusticiaGratuita)),
            (
                "mi abogado me dijo que pida el arraigo",
                Es,
                Procedure(Arraigo),
            ),
            (
                "el abogado del asilo no me contesta",
                Es,
                Procedure(ProteccionInternacional),
            ),
        ],
    );
}
