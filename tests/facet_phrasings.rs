//! Facet phrasings: which part of a procedure a question asks for, when it does not name the
//! part. Eligibility asked as a condition ("me dan el imv si vivo con mis padres", "l'IMV si je
//! suis etudiant", "do students get the imv", "ila kont khdam f noir n9der nakhod imv") is about
//! the requirements; a refusal or a demand to pay back ("no me lo quieren hacer", "me pidieron
//! devolver el imv", "they won't register me", "طلبو مني نرجع الفلوس") is about what to do when
//! it goes wrong. The guards are questions for the other parts, with a condition in them ("cuanto
//! me dan si vivo solo", "que papeles llevo si no tengo contrato"), and plain mentions ("hola, el
//! imv"): a condition must not take them. Written the way people write, without `data/evals`.

mod answers;

use Facet::*;
use Lang::*;
use ProcedureId::*;
use clara::kb::{Facet, Lang, ProcedureId};

/// `(message, language, procedure, facet)`: each was answered with another part (mostly
/// `descripcion`) before the facet words for conditions and refusals, or for the way people
/// write them ("tngo drcho", "jpeu avoir", "cn i get", "wach ana n9der", "ma l9itch sita"); the
/// legal aid asked in Darija ("bghit l avocat bla flous") found no procedure at all. One row per
/// line.
#[rustfmt::skip]
const PROBES: &[(&str, Lang, ProcedureId, Facet)] = &[
    // Spanish: documentos
    ("que papeles llevo para el padron si no tengo contrato", Es, Empadronamiento, Documentos),
    // Spanish: plazos
    ("cuanto tarda el nie si lo pido por internet", Es, NieTie, Plazos),
    // Spanish: problemas
    ("el padron no me lo quieren hacer porque no tengo contrato", Es, Empadronamiento, Problemas),
    ("me pidieron devolver el imv", Es, Imv, Problemas),
    ("no quieren empadronarme en el ayuntamiento", Es, Empadronamiento, Problemas),
    ("en el centro de salud no me quieren dar la tarjeta sanitaria", Es, TarjetaSanitaria, Problemas),
    ("me han pedido que devuelva el imv", Es, Imv, Problemas),
    ("la seguridad social me reclama el imv de 2023", Es, Imv, Problemas),
    ("me cortaron el paro sin avisar", Es, PrestacionDesempleo, Problemas),
    ("me quitan el imv xq cobre un trabajo", Es, Imv, Problemas),
    ("no me conceden el abogado de oficio", Es, JusticiaGratuita, Problemas),
    ("no me han concedido el asilo", Es, ProteccionInternacional, Problemas),
    ("me llego una carta que tengo que devolver el paro", Es, PrestacionDesempleo, Problemas),
    ("el medico no me quiere atender sin tarjeta sanitaria", Es, TarjetaSanitaria, Problemas),
    ("en extranjeria no me quisieron coger los papeles del nie", Es, NieTie, Problemas),
    ("me dijeron que tengo que devolver el ingreso minimo", Es, Imv, Problemas),
    ("la trabajadora social no me quiere hacer el informe de arraigo", Es, Arraigo, Problemas),
    ("el casero no quiere que me empadrone", Es, Empadronamiento, Problemas),
    ("me tiraron para atras el arraigo", Es, Arraigo, Problemas),
    ("me pararon el imv hace dos meses", Es, Imv, Problemas),
    ("no me quisieron empadronar", Es, Empadronamiento, Problemas),
    ("me exigen devolver lo que cobre del paro", Es, PrestacionDesempleo, Problemas),
    ("me dejaron de pagar el imv", Es, Imv, Problemas),
    ("no estoy de acuerdo con la resolucion del imv", Es, Imv, Problemas),
    ("que pasa si pierdo la tarjeta sanitaria", Es, TarjetaSanitaria, Problemas),
    // Spanish: requisitos
    ("me dan el imv si vivo con mis padres", Es, Imv, Requisitos),
    ("el paro si me despiden", Es, PrestacionDesempleo, Requisitos),
    ("la tarjeta sanitaria si no estoy empadronado", Es, TarjetaSanitaria, Requisitos),
    ("si trabajo en negro me pueden dar el ingreso minimo", Es, Imv, Requisitos),
    ("les dan el imv a los estudiantes", Es, Imv, Requisitos),
    ("y si estoy casada me dan el imv??", Es, Imv, Requisitos),
    ("me darian el paro si solo e trabajado 6 meses", Es, PrestacionDesempleo, Requisitos),
    ("los menores se pueden empadronar solos", Es, Empadronamiento, Requisitos),
    ("vale el padron de un amigo si vivo en su casa", Es, Empadronamiento, Requisitos),
    ("el arraigo me lo dan si tengo un hijo nacido aqui", Es, Arraigo, Requisitos),
    ("a los extranjeros les dan la tarjeta sanitaria", Es, TarjetaSanitaria, Requisitos),
    ("cuenta para el arraigo si trabaje en negro", Es, Arraigo, Requisitos),
    ("el nie me lo dan si estoy de estudiante", Es, NieTie, Requisitos),
    ("sirve el imv para estudiantes", Es, Imv, Requisitos),
    ("si vivo en una habitacion me empadronan?", Es, Empadronamiento, Requisitos),
    ("el imv lo cobran los que viven con familia?", Es, Imv, Requisitos),
    ("trabajando en negro te dan el paro?", Es, PrestacionDesempleo, Requisitos),
    ("si soy autonomo tengo paro", Es, PrestacionDesempleo, Requisitos),
    ("se lo dan a los que no tienen papeles el imv", Es, Imv, Requisitos),
    ("para el imv cuenta si vivo con mi novio", Es, Imv, Requisitos),
    // French: plazos
    ("combien de temps pour le nie si je fais la demande en ligne", Fr, NieTie, Plazos),
    // French: problemas
    ("ils m'ont coupe le chomage", Fr, PrestacionDesempleo, Problemas),
    ("on m a retire l'imv", Fr, Imv, Problemas),
    ("la securite sociale me reclame l'argent de l'imv", Fr, Imv, Problemas),
    ("ils ont pas accepte mon dossier d'asile", Fr, ProteccionInternacional, Problemas),
    ("on me demande de rendre l'argent du chomage", Fr, PrestacionDesempleo, Problemas),
    ("l'avocat d'office on me l'a pas accorde", Fr, JusticiaGratuita, Problemas),
    ("ils m ont bloque l imv", Fr, Imv, Problemas),
    ("ils veulent plus me donner le chomage", Fr, PrestacionDesempleo, Problemas),
    ("ils ont pas voulu m'empadronner", Fr, Empadronamiento, Problemas),
    ("qu'est ce que je fais si je perds ma carte de sejour", Fr, NieTie, Problemas),
    // French: requisitos
    ("on me donne le rsa espagnol si je vis chez un ami", Fr, Imv, Requisitos),
    ("l'IMV si je suis etudiant", Fr, Imv, Requisitos),
    ("est ce qu'ils donnent l'imv aux etudiants", Fr, Imv, Requisitos),
    ("si je travaille au noir je peux toucher le chomage", Fr, PrestacionDesempleo, Requisitos),
    ("la carte sanitaire si je suis pas empadrone", Fr, TarjetaSanitaria, Requisitos),
    ("on me donne le chomage si je demissionne", Fr, PrestacionDesempleo, Requisitos),
    ("je suis marie ca compte pour l'arraigo?", Fr, Arraigo, Requisitos),
    ("l'asile c'est possible si je viens du maroc", Fr, ProteccionInternacional, Requisitos),
    ("le padron ca marche si j'habite dans une chambre", Fr, Empadronamiento, Requisitos),
    ("ils acceptent les etrangers pour la carte sanitaire?", Fr, TarjetaSanitaria, Requisitos),
    ("l imv c est pour qui", Fr, Imv, Requisitos),
    ("ils me donnent l'imv si je suis seule avec mes enfants", Fr, Imv, Requisitos),
    ("un etranger peut toucher l'imv?", Fr, Imv, Requisitos),
    ("si j'ai pas de contrat de location je peux me faire le padron", Fr, Empadronamiento, Requisitos),
    ("si je vis chez mes parents on me donne le rsa", Fr, Imv, Requisitos),
    ("est ce que les mineurs peuvent avoir la carte sanitaire", Fr, TarjetaSanitaria, Requisitos),
    ("l'avocat gratuit c'est pour les etrangers aussi", Fr, JusticiaGratuita, Requisitos),
    // English: plazos
    ("how long does the nie take if i apply online", En, NieTie, Plazos),
    ("when do they pay the unemployment benefit", En, PrestacionDesempleo, Plazos),
    ("when do i get paid the unemployment benefit if i was fired", En, PrestacionDesempleo, Plazos),
    // English: problemas
    ("they won't register me at the town hall", En, Empadronamiento, Problemas),
    ("they cut my unemployment benefit", En, PrestacionDesempleo, Problemas),
    ("they stopped my imv payments", En, Imv, Problemas),
    ("the doctor won't see me without a health card", En, TarjetaSanitaria, Problemas),
    ("they took away my minimum income", En, Imv, Problemas),
    ("i have to give back the imv money", En, Imv, Problemas),
    ("they didn't give me the nie", En, NieTie, Problemas),
    ("the landlord doesnt want me to register at the padron", En, Empadronamiento, Problemas),
    ("they keep rejecting my arraigo", En, Arraigo, Problemas),
    ("social security wants the imv money back", En, Imv, Problemas),
    ("they are asking me to return the unemployment money", En, PrestacionDesempleo, Problemas),
    ("the legal aid was not granted", En, JusticiaGratuita, Problemas),
    ("they told me to return the imv", En, Imv, Problemas),
    ("what happens if i lose my nie card", En, NieTie, Problemas),
    // English: requisitos
    ("do students get the imv", En, Imv, Requisitos),
    ("does the imv count if I live with my parents", En, Imv, Requisitos),
    ("can foreigners get the health card", En, TarjetaSanitaria, Requisitos),
    ("will they give me unemployment if i quit", En, PrestacionDesempleo, Requisitos),
    ("is the padron possible if i live in a room", En, Empadronamiento, Requisitos),
    ("do they give asylum to people from colombia", En, ProteccionInternacional, Requisitos),
    ("if im married does it count for arraigo", En, Arraigo, Requisitos),
    ("do i get the imv if i live with my sister", En, Imv, Requisitos),
    ("would i get unemployment benefit if i was fired", En, PrestacionDesempleo, Requisitos),
    ("do they give the minimum income to students", En, Imv, Requisitos),
    ("does it matter if i work cash in hand for the imv", En, Imv, Requisitos),
    ("if im not registered can i see a doctor", En, TarjetaSanitaria, Requisitos),
    ("does arraigo apply if i have a kid here", En, Arraigo, Requisitos),
    ("can immigrants get the imv", En, Imv, Requisitos),
    ("is the free lawyer only for spanish people", En, JusticiaGratuita, Requisitos),
    ("if i work illegally can i still get the nie", En, NieTie, Requisitos),
    ("does the padron work if i rent a room without contract", En, Empadronamiento, Requisitos),
    ("if i am a student do i get the health card", En, TarjetaSanitaria, Requisitos),
    // Arabic (MSA, Darija, Arabizi): problemas
    ("لم يقبلوا طلبي للبطاقة الصحية", Ar, TarjetaSanitaria, Problemas),
    ("ألغوا لي الحد الأدنى للدخل", Ar, Imv, Problemas),
    ("لا يريدون إعطائي البطاقة الصحية", Ar, TarjetaSanitaria, Problemas),
    ("ماعطاونيش الشوماج", Ar, PrestacionDesempleo, Problemas),
    ("قطعوها ليا الامبي هاد الشهر", Ar, Imv, Problemas),
    ("وقفو ليا الامبي هاد الشهر", Ar, Imv, Problemas),
    ("طلبو مني نرد الفلوس ديال الشوماج", Ar, PrestacionDesempleo, Problemas),
    ("ma3tawnich lchomage", Ar, PrestacionDesempleo, Problemas),
    ("wa9fouli imv bla sabab", Ar, Imv, Problemas),
    ("طلبوا مني إعادة أموال الحد الأدنى للدخل", Ar, Imv, Problemas),
    ("أوقفوا لي إعانة البطالة", Ar, PrestacionDesempleo, Problemas),
    ("لا يريدون تسجيلي في البادرون", Ar, Empadronamiento, Problemas),
    ("طلبو مني نرجع الفلوس ديال الامبي", Ar, Imv, Problemas),
    ("قطعو ليا الشوماج", Ar, PrestacionDesempleo, Problemas),
    ("حبسو ليا الامبي", Ar, Imv, Problemas),
    ("خاصني نرجع الفلوس ديال الشوماج", Ar, PrestacionDesempleo, Problemas),
    ("tlbo mni nrj3 lflous dyal imv", Ar, Imv, Problemas),
    ("9t3o lia chomage", Ar, PrestacionDesempleo, Problemas),
    ("7absou lia imv", Ar, Imv, Problemas),
    ("khassni nrj3 lflous dyal imv", Ar, Imv, Problemas),
    ("wa9fo lia lchomage", Ar, PrestacionDesempleo, Problemas),
    // Arabic (MSA, Darija, Arabizi): requisitos
    ("هل يعطون الحد الأدنى للدخل للطلاب", Ar, Imv, Requisitos),
    ("إذا كنت أعيش مع والدي هل أحصل على الدخل الأدنى", Ar, Imv, Requisitos),
    ("إذا كنت أعمل بدون عقد هل أحصل على إعانة البطالة", Ar, PrestacionDesempleo, Requisitos),
    ("هل يمنحون اللجوء للقادمين من سوريا", Ar, ProteccionInternacional, Requisitos),
    ("هل تعطى البطاقة الصحية للأجانب", Ar, TarjetaSanitaria, Requisitos),
    ("إذا كنت متزوجا هل يحسب ذلك للأرايغو", Ar, Arraigo, Requisitos),
    ("واش كيعطيو الامبي للطلبة", Ar, Imv, Requisitos),
    ("ايلا كنت ساكن مع والديا واش كيعطيوني الامبي", Ar, Imv, Requisitos),
    ("واش كيعطيو البطاقة الصحية للي ماعندوش الوراق", Ar, TarjetaSanitaria, Requisitos),
    ("ايلا كنت خدام فالنوار واش كيعطيوني الشوماج", Ar, PrestacionDesempleo, Requisitos),
    ("ايلا كنت مزوج واش كيتحسب فالأرايغو", Ar, Arraigo, Requisitos),
    ("واش الطالب عندو الحق فالامبي", Ar, Imv, Requisitos),
    ("ila kont khdam f noir n9der nakhod imv", Ar, Imv, Requisitos),
    ("wach kay3tiw imv l talaba", Ar, Imv, Requisitos),
    ("ila kont sakn m3a walidiya kay3tiwni imv", Ar, Imv, Requisitos),
    ("wach l etudiant 3ndo l7a9 f imv", Ar, Imv, Requisitos),
    ("wach kay3tiw chomage l li khdam f noir", Ar, PrestacionDesempleo, Requisitos),
    ("ila kont mzowej wach kaythseb l arraigo", Ar, Arraigo, Requisitos),
    ("wach kay3tiw tarjeta sanitaria l li ma3ndouch lwra9", Ar, TarjetaSanitaria, Requisitos),
    ("ila kanet 3andi khedma f noir wach y3tiwni lchomage", Ar, PrestacionDesempleo, Requisitos),
    // Spanish: as people write it (SMS spellings; no appointment to be had, payments stopped, money owed; how long it lasts)
    ("tngo drcho al imv", Es, Imv, Requisitos),
    ("puedo cobrarlo yo el imv", Es, Imv, Requisitos),
    ("tengo drcho a la tarjeta sanitaria", Es, TarjetaSanitaria, Requisitos),
    ("valgo para el imv", Es, Imv, Requisitos),
    ("tengo derexo al paro", Es, PrestacionDesempleo, Requisitos),
    ("podria cobrar el paro", Es, PrestacionDesempleo, Requisitos),
    ("el imv es para mi?", Es, Imv, Requisitos),
    ("tengo opcion al imv", Es, Imv, Requisitos),
    ("el asilo es para mi?", Es, ProteccionInternacional, Requisitos),
    ("se me perdio el nie", Es, NieTie, Problemas),
    ("perdi la tarjeta sanitaria como la pido otra vez", Es, TarjetaSanitaria, Problemas),
    ("me llego una carta para devolver el imv", Es, Imv, Problemas),
    ("no hay manera de coger cita para el nie", Es, NieTie, Problemas),
    ("es imposible conseguir cita para el padron", Es, Empadronamiento, Problemas),
    ("me han dejado de pagar el paro", Es, PrestacionDesempleo, Problemas),
    ("ya no me ingresan el imv", Es, Imv, Problemas),
    ("el sepe me ha quitado el paro", Es, PrestacionDesempleo, Problemas),
    ("me an quitado el imv", Es, Imv, Problemas),
    ("debo dinero del imv", Es, Imv, Problemas),
    ("no me dieron cita para el nie", Es, NieTie, Problemas),
    ("hasta q dia puedo pedir el paro", Es, PrestacionDesempleo, Plazos),
    ("hay plazo para pedir el paro", Es, PrestacionDesempleo, Plazos),
    ("cuanto me dura la tarjeta de residencia", Es, NieTie, Plazos),
    ("que dia cobro el imv", Es, Imv, Plazos),
    ("cuando me toca cobrar el paro", Es, PrestacionDesempleo, Plazos),
    ("como empiezo con el imv", Es, Imv, ComoSolicitar),
    // French: as people write it (SMS spellings; no appointment to be had, payments stopped, money owed; how long it lasts)
    ("est-ce que je peux l'avoir l'imv", Fr, Imv, Requisitos),
    ("jpeu avoir le chomage", Fr, PrestacionDesempleo, Requisitos),
    ("je peux toucher le chomage", Fr, PrestacionDesempleo, Requisitos),
    ("c pour moi l'imv?", Fr, Imv, Requisitos),
    ("jpeux avoir un avocat gratuit", Fr, JusticiaGratuita, Requisitos),
    ("on peut me donner le chomage", Fr, PrestacionDesempleo, Requisitos),
    ("pas moyen d avoir rdv pour le padron", Fr, Empadronamiento, Problemas),
    ("ils m ont enleve le chomage", Fr, PrestacionDesempleo, Problemas),
    ("ils ont arrete de me verser le rsa", Fr, Imv, Problemas),
    ("j ai recu un courrier qui dit que je dois de l argent imv", Fr, Imv, Problemas),
    ("le chomage a ete coupe", Fr, PrestacionDesempleo, Problemas),
    ("impossible de trouver un avocat gratuit", Fr, JusticiaGratuita, Problemas),
    ("le nie il dure combien", Fr, NieTie, Plazos),
    ("qu est ce qu il faut pour l imv", Fr, Imv, Documentos),
    ("ou je vais pour le padron", Fr, Empadronamiento, ComoSolicitar),
    ("je m inscris ou pour le chomage", Fr, PrestacionDesempleo, ComoSolicitar),
    ("ou on fait la carte sanitaire", Fr, TarjetaSanitaria, ComoSolicitar),
    ("comment je peux avoir le nie", Fr, NieTie, ComoSolicitar),
    // English: as people write it (SMS spellings; no appointment to be had, payments stopped, money owed; how long it lasts)
    ("cn i get the imv", En, Imv, Requisitos),
    ("will i get the imv", En, Imv, Requisitos),
    ("could i get unemployment", En, PrestacionDesempleo, Requisitos),
    ("can i claim the imv", En, Imv, Requisitos),
    ("can i receive unemployment benefit", En, PrestacionDesempleo, Requisitos),
    ("cani get the health card", En, TarjetaSanitaria, Requisitos),
    ("am i eligble for the imv", En, Imv, Requisitos),
    ("can i even get asylum", En, ProteccionInternacional, Requisitos),
    ("is it possible for me to get the imv", En, Imv, Requisitos),
    ("impossible to get an appointment for the padron", En, Empadronamiento, Problemas),
    ("my unemployment benefit was stopped", En, PrestacionDesempleo, Problemas),
    ("they say i owe money from the imv", En, Imv, Problemas),
    ("they didnt approve my asylum", En, ProteccionInternacional, Problemas),
    ("my imv stopped coming", En, Imv, Problemas),
    ("what do i need to take to the nie appointment", En, NieTie, Documentos),
    ("what do they ask for the health card", En, TarjetaSanitaria, Documentos),
    // Arabic (MSA, Darija, Arabizi): as people write it (SMS spellings; no appointment to be had, payments stopped, money owed; how long it lasts)
    ("wach ymkn lia nakhod imv", Ar, Imv, Requisitos),
    ("واش غادي يعطيوني الشوماج", Ar, PrestacionDesempleo, Requisitos),
    ("wach imv kay3tiwh l lmgharba", Ar, Imv, Requisitos),
    ("wach ana n9der nakhod l imv", Ar, Imv, Requisitos),
    ("واش الامبي عندي فيه الحق", Ar, Imv, Requisitos),
    ("wach 3andi droit f imv", Ar, Imv, Requisitos),
    ("واش عندي droit فالامبي", Ar, Imv, Requisitos),
    ("واش من حقي ناخد الشوماج", Ar, PrestacionDesempleo, Requisitos),
    ("wach mn 7a9i tarjeta sanitaria", Ar, TarjetaSanitaria, Requisitos),
    ("هل لي الحق في الحد الأدنى للدخل", Ar, Imv, Requisitos),
    ("ما لقيتش سيتا للنيي", Ar, NieTie, Problemas),
    ("ماكاينش سيتا للبادرون", Ar, Empadronamiento, Problemas),
    ("حيدو ليا الشوماج", Ar, PrestacionDesempleo, Problemas),
    ("hydo lia chomage", Ar, PrestacionDesempleo, Problemas),
    ("7ydouli imv", Ar, Imv, Problemas),
    ("ma l9itch sita l nie", Ar, NieTie, Problemas),
    ("makaynach sita l padron", Ar, Empadronamiento, Problemas),
    ("sr9o lia nie kifach ndir", Ar, NieTie, Problemas),
    ("لم أتمكن من الحصول على موعد لبطاقة الإقامة", Ar, NieTie, Problemas),
    ("توقفوا عن دفع إعانة البطالة", Ar, PrestacionDesempleo, Problemas),
    ("ما بقاوش كيخلصوني الشوماج", Ar, PrestacionDesempleo, Problemas),
    ("imv ma bqawch kaykhlsouni", Ar, Imv, Problemas),
    ("chhal kaytal imv", Ar, Imv, Plazos),
    ("ch7al kaytawal l padron", Ar, Empadronamiento, Plazos),
    ("chhal kayb9a nie", Ar, NieTie, Plazos),
    ("شحال كيبقى الشوماج", Ar, PrestacionDesempleo, Plazos),
    ("bghit l avocat bla flous", Ar, JusticiaGratuita, Descripcion),
    ("بغيت لافوكا بلا فلوس", Ar, JusticiaGratuita, Descripcion),
    ("bghit lavocat bla flous wach n9der", Ar, JusticiaGratuita, Requisitos),
];

/// `(message, language, procedure, facet)`: answered so before those words, and still.
#[rustfmt::skip]
const GUARDS: &[(&str, Lang, ProcedureId, Facet)] = &[
    // Spanish: other facets and plain mentions, unchanged
    ("si no tengo nomina me dan abogado de oficio", Es, JusticiaGratuita, Requisitos),
    ("si estoy en situacion irregular me atienden en el centro de salud", Es, TarjetaSanitaria, Requisitos),
    ("hola, el imv", Es, Imv, Descripcion),
    ("que es el padron", Es, Empadronamiento, Descripcion),
    ("el imv", Es, Imv, Descripcion),
    ("que es el arraigo social", Es, Arraigo, Descripcion),
    ("quiero informacion sobre la justicia gratuita", Es, JusticiaGratuita, Descripcion),
    ("cuanto me dan de imv si vivo solo", Es, Imv, Cuantia),
    ("cuanto cobro de paro si me despiden", Es, PrestacionDesempleo, Cuantia),
    ("cuanto dinero me dan del imv si soy estudiante", Es, Imv, Cuantia),
    ("que documentos necesito para el arraigo si estoy casado", Es, Arraigo, Documentos),
    ("que hago si me deniegan el imv", Es, Imv, Problemas),
    ("cuanto tarda la tarjeta sanitaria si estoy empadronado", Es, TarjetaSanitaria, Plazos),
    ("cuando me pagan el paro si me despiden", Es, PrestacionDesempleo, Plazos),
    ("como pido el imv si vivo solo", Es, Imv, ComoSolicitar),
    ("requisitos del imv", Es, Imv, Requisitos),
    ("me han denegado el asilo que hago", Es, ProteccionInternacional, Problemas),
    ("cuanto dinero dan de imv a una familia con 2 hijos", Es, Imv, Cuantia),
    ("cuando me dan la tarjeta sanitaria", Es, TarjetaSanitaria, Plazos),
    ("no me dan cita para el nie", Es, NieTie, Problemas),
    ("como saco cita para el padron", Es, Empadronamiento, ComoSolicitar),
    ("cuando me dan la resolucion del imv", Es, Imv, Plazos),
    ("me dan cita para el nie?", Es, NieTie, ComoSolicitar),
    ("donde me atienden sin tarjeta sanitaria", Es, TarjetaSanitaria, ComoSolicitar),
    ("cuando me atienden en el centro de salud", Es, TarjetaSanitaria, Plazos),
    ("cuando me van a devolver el pasaporte del nie", Es, NieTie, Plazos),
    ("cuanto tiempo tengo para recurrir si me deniegan el paro", Es, PrestacionDesempleo, Plazos),
    ("que documentos necesito si soy estudiante para la tarjeta sanitaria", Es, TarjetaSanitaria, Documentos),
    ("donde pido el paro si me despiden", Es, PrestacionDesempleo, ComoSolicitar),
    ("cuanto cobro de paro si trabaje 2 anos", Es, PrestacionDesempleo, Cuantia),
    ("como renuevo la tarjeta de residencia si estoy en paro", Es, NieTie, Plazos),
    ("cuando caduca el nie si estoy de estudiante", Es, NieTie, Plazos),
    ("que hago si no me contestan del imv", Es, Imv, Plazos),
    ("me robaron el nie que hago", Es, NieTie, Problemas),
    ("hola buenos dias, el padron", Es, Empadronamiento, Descripcion),
    ("informacion sobre el paro por favor", Es, PrestacionDesempleo, Descripcion),
    ("que es el asilo", Es, ProteccionInternacional, Descripcion),
    // French: other facets and plain mentions, unchanged
    ("si je suis en situation irreguliere je peux avoir le nie", Fr, NieTie, Requisitos),
    ("ils ne veulent pas m'inscrire au padron", Fr, Empadronamiento, Problemas),
    ("on m'a demande de rembourser l'imv", Fr, Imv, Problemas),
    ("la mairie refuse de m'empadronner", Fr, Empadronamiento, Problemas),
    ("le medecin veut pas me soigner sans carte sanitaire", Fr, TarjetaSanitaria, Problemas),
    ("ma demande d'arraigo a ete rejetee", Fr, Arraigo, Problemas),
    ("on m'a supprime le rsa", Fr, Imv, Problemas),
    ("je dois rembourser le chomage", Fr, PrestacionDesempleo, Problemas),
    ("a la mairie ils refusent de me faire le padron", Fr, Empadronamiento, Problemas),
    ("bonjour, l'imv", Fr, Imv, Descripcion),
    ("c'est quoi le padron", Fr, Empadronamiento, Descripcion),
    ("combien je touche de rsa si je vis seul", Fr, Imv, Cuantia),
    ("combien on me donne pour l'imv si je suis seul", Fr, Imv, Cuantia),
    ("quels papiers pour le padron si je n'ai pas de contrat", Fr, Empadronamiento, Documentos),
    ("comment demander l'imv si je suis seul", Fr, Imv, ComoSolicitar),
    ("qu'est ce que je fais si on me refuse l'asile", Fr, ProteccionInternacional, Problemas),
    ("ou je peux m'inscrire au padron si j'habite a vallecas", Fr, Empadronamiento, ComoSolicitar),
    ("quelles sont les conditions pour le chomage", Fr, PrestacionDesempleo, Requisitos),
    ("quand est ce que je touche le chomage", Fr, PrestacionDesempleo, Plazos),
    ("quels documents pour l'arraigo si je suis marie", Fr, Arraigo, Documentos),
    ("c'est possible de faire la demande d'imv en ligne", Fr, Imv, ComoSolicitar),
    ("que faire si je suis refuse pour l'asile", Fr, ProteccionInternacional, Problemas),
    ("quels documents il faut pour l'imv si je suis seul", Fr, Imv, Documentos),
    ("quand est ce que je touche le rsa si je suis accepte", Fr, Imv, Plazos),
    ("ou je dois aller pour le padron si j'habite a getafe", Fr, Empadronamiento, ComoSolicitar),
    ("bonjour je voudrais des informations sur l'asile", Fr, ProteccionInternacional, Descripcion),
    ("bonjour, le chomage", Fr, PrestacionDesempleo, Descripcion),
    // English: other facets and plain mentions, unchanged
    ("they asked me to pay back the imv", En, Imv, Problemas),
    ("my asylum application got refused", En, ProteccionInternacional, Problemas),
    ("the town hall wont let me register for the padron", En, Empadronamiento, Problemas),
    ("hi, the imv", En, Imv, Descripcion),
    ("what is the padron", En, Empadronamiento, Descripcion),
    ("unemployment benefit", En, PrestacionDesempleo, Descripcion),
    ("how much do i get from the imv if i live alone", En, Imv, Cuantia),
    ("what papers do i need for the padron if i dont have a contract", En, Empadronamiento, Documentos),
    ("how do i apply for the imv if i live alone", En, Imv, ComoSolicitar),
    ("what do i do if they refuse my asylum", En, ProteccionInternacional, Problemas),
    ("where do i register for the padron if i live in vallecas", En, Empadronamiento, ComoSolicitar),
    ("what are the requirements for the health card", En, TarjetaSanitaria, Requisitos),
    ("how much money do they give for the imv", En, Imv, Cuantia),
    ("how do i get the padron if i live in a room", En, Empadronamiento, ComoSolicitar),
    ("where do i apply for asylum if i am in madrid", En, ProteccionInternacional, ComoSolicitar),
    ("how much do they give for the imv if i have 2 kids", En, Imv, Cuantia),
    ("what documents do i need for the nie if im a student", En, NieTie, Documentos),
    ("hello, information about the health card please", En, TarjetaSanitaria, Descripcion),
    ("what if they reject my imv application", En, Imv, Problemas),
    // Arabic (MSA, Darija, Arabizi): other facets and plain mentions, unchanged
    ("رفضوا تسجيلي في البلدية", Ar, Empadronamiento, Problemas),
    ("ما بغاوش يسجلوني فالبادرون", Ar, Empadronamiento, Problemas),
    ("البلدية ما بغاتش تديرلي البادرون", Ar, Empadronamiento, Problemas),
    ("ma bghawch ysjlouni f padron", Ar, Empadronamiento, Problemas),
    ("tbib ma bghach ychofni bla tarjeta sanitaria", Ar, TarjetaSanitaria, Problemas),
    ("السلام عليكم الامبي", Ar, Imv, Descripcion),
    ("ما هو الحد الأدنى للدخل", Ar, Imv, Descripcion),
    ("شحال كيعطيو فالامبي ايلا كنت ساكن بوحدي", Ar, Imv, Cuantia),
    ("chhal kay3tiw f imv ila kont sakn bo7di", Ar, Imv, Cuantia),
    ("شنو خاصني من وراق للبادرون ايلا ماعنديش عقد", Ar, Empadronamiento, Documentos),
    ("شحال كياخد النيي", Ar, NieTie, Plazos),
    ("كم المبلغ في الحد الأدنى للدخل إذا كنت وحدي", Ar, Imv, Cuantia),
    ("ما هي الوثائق المطلوبة للبطاقة الصحية إذا كنت طالبا", Ar, TarjetaSanitaria, Documentos),
    ("كيف أطلب اللجوء إذا كنت قاصرا", Ar, ProteccionInternacional, ComoSolicitar),
    ("ما هي شروط الحد الأدنى للدخل", Ar, Imv, Requisitos),
    ("ch7al kayakhod nie ila kont f madrid", Ar, NieTie, Plazos),
    ("kifach ntleb imv", Ar, Imv, ComoSolicitar),
    ("chno lwra9 dyal padron", Ar, Empadronamiento, Documentos),
    ("fo9ach kay3tiw chomage ila tradni lpatron", Ar, PrestacionDesempleo, Plazos),
    ("ماذا أفعل إذا ضاعت بطاقة الإقامة", Ar, NieTie, Problemas),
    ("متى يصل الحد الأدنى للدخل إذا قدمت الطلب", Ar, Imv, Plazos),
    ("اذا سمحت ما هو الحد الأدنى للدخل", Ar, Imv, Descripcion),
    ("ila sm7ti chno howa imv", Ar, Imv, Descripcion),
    ("kifach ndir lpadron ila kont sakn f bit", Ar, Empadronamiento, ComoSolicitar),
    ("fin ntleb chomage ila tradni lpatron", Ar, PrestacionDesempleo, ComoSolicitar),
    ("شحال كيعطيو فالشوماج ايلا خدمت عامين", Ar, PrestacionDesempleo, Cuantia),
    ("ila rfdo lia imv chno ndir", Ar, Imv, Problemas),
    ("السلام عليكم بغيت نعرف على اللجوء", Ar, ProteccionInternacional, Descripcion),
    ("الشرطة اوقفوني وطلبو مني النيي", Ar, NieTie, Descripcion),
    // Spanish: look-alikes of the phrasings above, unchanged
    ("cuanto dinero se puede cobrar de imv", Es, Imv, Cuantia),
    ("cuanto dinero podria cobrar del paro", Es, PrestacionDesempleo, Cuantia),
    ("cuanto es para mi el imv", Es, Imv, Cuantia),
    ("cuanto me toca de imv", Es, Imv, Cuantia),
    ("que dia tengo que llevar los papeles del padron", Es, Empadronamiento, Documentos),
    ("como podria pedir el imv", Es, Imv, ComoSolicitar),
    ("donde podria pedir el paro", Es, PrestacionDesempleo, ComoSolicitar),
    ("perdi el trabajo como pido el paro", Es, PrestacionDesempleo, ComoSolicitar),
    ("no me dieron de alta tengo derecho al paro", Es, PrestacionDesempleo, Requisitos),
    ("me despidieron y no me dieron el finiquito puedo cobrar el paro", Es, PrestacionDesempleo, Requisitos),
    ("como pido el imv", Es, Imv, ComoSolicitar),
    ("que papeles necesito para el padron", Es, Empadronamiento, Documentos),
    ("¿cómo me empadrono si vivo solo?", Es, Empadronamiento, ComoSolicitar),
    ("que hago si pierdo la tarjeta sanitaria", Es, TarjetaSanitaria, Problemas),
    // French: look-alikes of the phrasings above, unchanged
    ("combien de rsa je peux toucher", Fr, Imv, Cuantia),
    ("combien je pourrais toucher de chomage", Fr, PrestacionDesempleo, Cuantia),
    ("combien d argent je peux toucher avec l imv", Fr, Imv, Cuantia),
    ("est ce qu il faut avoir un contrat pour le padron", Fr, Empadronamiento, Requisitos),
    ("quand je peux toucher le chomage", Fr, PrestacionDesempleo, Plazos),
    ("quels papiers il faut pour le nie", Fr, NieTie, Documentos),
    // English: look-alikes of the phrasings above, unchanged
    ("how much unemployment benefit will i get", En, PrestacionDesempleo, Cuantia),
    ("how much imv do i get", En, Imv, Cuantia),
    ("how much imv would i get", En, Imv, Cuantia),
    ("how much money would i get from the imv", En, Imv, Cuantia),
    ("when will i get the imv", En, Imv, Plazos),
    ("how do i get the nie", En, NieTie, ComoSolicitar),
    ("where do i get the health card", En, TarjetaSanitaria, ComoSolicitar),
    ("i lost my job how do i get unemployment benefit", En, PrestacionDesempleo, ComoSolicitar),
    // Arabic (MSA, Darija, Arabizi): look-alikes of the phrasings above, unchanged
    ("kifach n9der nakhod imv", Ar, Imv, ComoSolicitar),
    ("fin n9der nakhod sita dyal nie", Ar, NieTie, ComoSolicitar),
    ("ch7al kay3tiwh f imv", Ar, Imv, Cuantia),
    ("fo9ach kay3tiwh imv", Ar, Imv, Plazos),
    ("ma l9itch khedma wach n9der nakhod imv", Ar, Imv, Requisitos),
    ("فقدت وظيفتي كيف اطلب اعانة البطالة", Ar, PrestacionDesempleo, ComoSolicitar),
    ("bghit mo7ami bla flous", Ar, JusticiaGratuita, Descripcion),
];

/// `(message, language, procedure, facet)`: something gone wrong, said the way people say it on
/// WhatsApp (no accents, SMS spelling, Darija in Arabic letters and in Arabizi), each answered
/// with another part (mostly `descripcion`, or `como_solicitar` for a missing appointment) before
/// the facet words for it: the town hall that will not register ("no me empadronan", "ils m
/// inscrivent pas", "ما سجلونيش فالبادرون"), a benefit stopped or cut ("ils ont stoppé mon imv",
/// "my unemployment benefit got cut", "الشوماج تقطع عليا", "imv ma dkhelch lia"), money asked back
/// ("me piden q devuelva", "they say i got overpaid"), no appointment that ever comes ("la cita
/// del nie nunca sale", "ya jamais de rdv", "makaynch rdv"), the health centre that sends people
/// away ("ils m'ont refoulé", "turned me away"), a negative answer ("me salio negativa del
/// asilo", "jatni negatif f l asile"). The last Spanish rows ask how much is taken off a benefit
/// ("cuanto me quitan del paro si trabajo"): the amount, not a refusal.
#[rustfmt::skip]
const PROBLEM_PROBES: &[(&str, Lang, ProcedureId, Facet)] = &[
    // Spanish
    ("no me empadronan", Es, Empadronamiento, Problemas),
    ("el ayuntamiento no me empadrona", Es, Empadronamiento, Problemas),
    ("no me kieren empadronar", Es, Empadronamiento, Problemas),
    ("no m empadronan xq no tengo contrato", Es, Empadronamiento, Problemas),
    ("me borraron del padron", Es, Empadronamiento, Problemas),
    ("no me acen el padron", Es, Empadronamiento, Problemas),
    ("me suspendieron el imv", Es, Imv, Problemas),
    ("no me an pagado el imv este mes", Es, Imv, Problemas),
    ("m an kitado l imv", Es, Imv, Problemas),
    ("me cobraron de mas el imv y ahora lo quieren de vuelta", Es, Imv, Problemas),
    ("me ha llegado una carta de que devuelva el imv", Es, Imv, Problemas),
    ("me piden q devuelva el imv", Es, Imv, Problemas),
    ("me toca devolver el imv", Es, Imv, Problemas),
    ("el sepe me a cortado el paro", Es, PrestacionDesempleo, Problemas),
    ("no he cobrado este mes el paro", Es, PrestacionDesempleo, Problemas),
    ("me quieren quitar el paro", Es, PrestacionDesempleo, Problemas),
    ("no ai cita para el nie", Es, NieTie, Problemas),
    ("la cita del nie nunca sale", Es, NieTie, Problemas),
    ("no me renovaron la tarjeta de residencia", Es, NieTie, Problemas),
    ("el medico no me atiende sin tarjeta sanitaria", Es, TarjetaSanitaria, Problemas),
    ("no me conseden el abogado de oficio", Es, JusticiaGratuita, Problemas),
    ("me salio negativa del asilo", Es, ProteccionInternacional, Problemas),
    ("me inadmitieron el asilo", Es, ProteccionInternacional, Problemas),
    ("el arraigo me lo tumbaron", Es, Arraigo, Problemas),
    // Spanish: how much is taken off (cuantia), not a refusal
    ("cuanto me van a quitar del paro si trabajo", Es, PrestacionDesempleo, Cuantia),
    ("cuanto me quitan del paro si trabajo media jornada", Es, PrestacionDesempleo, Cuantia),
    ("cuanto me quitan del imv si trabajo", Es, Imv, Cuantia),
    ("cuanto me descuentan del paro si trabajo", Es, PrestacionDesempleo, Cuantia),
    // French
    ("j ai recu une reponse negative pour l asile", Fr, ProteccionInternacional, Problemas),
    ("ils m ont debouté de l asile", Fr, ProteccionInternacional, Problemas),
    ("l asile c est non", Fr, ProteccionInternacional, Problemas),
    ("la mairie m'inscrit pas au padron", Fr, Empadronamiento, Problemas),
    ("ils ont stoppé mon imv", Fr, Imv, Problemas),
    ("je touche plus l imv", Fr, Imv, Problemas),
    ("l imv tombe plus", Fr, Imv, Problemas),
    ("il faut que je rende l argent de l imv", Fr, Imv, Problemas),
    ("ils m ont arreté le chomage", Fr, PrestacionDesempleo, Problemas),
    ("le sepe m a sanctionné", Fr, PrestacionDesempleo, Problemas),
    ("je recois plus le chomage", Fr, PrestacionDesempleo, Problemas),
    ("jarrive pas a avoir rdv pour le nie", Fr, NieTie, Problemas),
    ("ya jamais de rdv pour le nie", Fr, NieTie, Problemas),
    ("le rdv du nie arrive jamais", Fr, NieTie, Problemas),
    ("ils m'ont refoulé au centre de santé", Fr, TarjetaSanitaria, Problemas),
    ("on m a pas soigné au centre de santé sans carte sanitaire", Fr, TarjetaSanitaria, Problemas),
    ("ils me donnent pas la carte sanitaire", Fr, TarjetaSanitaria, Problemas),
    ("on m'a pas donné l'avocat gratuit", Fr, JusticiaGratuita, Problemas),
    // English
    ("they took my imv away", En, Imv, Problemas),
    ("i stopped getting my imv", En, Imv, Problemas),
    ("they say i got overpaid imv", En, Imv, Problemas),
    ("imv not paid this month", En, Imv, Problemas),
    ("they stoped my imv", En, Imv, Problemas),
    ("my unemployment benefit got cut", En, PrestacionDesempleo, Problemas),
    ("i dont get my unemployment anymore", En, PrestacionDesempleo, Problemas),
    ("they dont wanna register me at the padron", En, Empadronamiento, Problemas),
    ("they kicked me off the padron", En, Empadronamiento, Problemas),
    ("i was removed from the padron", En, Empadronamiento, Problemas),
    ("town hall wont do my padron", En, Empadronamiento, Problemas),
    ("can't get an appointment for the nie", En, NieTie, Problemas),
    ("still no appointment for my nie", En, NieTie, Problemas),
    ("my nie appointment never comes", En, NieTie, Problemas),
    ("they didnt renew my residence card", En, NieTie, Problemas),
    ("the health centre won't treat me without a card", En, TarjetaSanitaria, Problemas),
    ("the clinic turned me away without a health card", En, TarjetaSanitaria, Problemas),
    ("they wouldnt give me a free lawyer", En, JusticiaGratuita, Problemas),
    ("i got a negative answer on my asylum", En, ProteccionInternacional, Problemas),
    // Arabic (MSA, Darija, Arabizi)
    ("jatni negatif f l asile", Ar, ProteccionInternacional, Problemas),
    ("جاتني نيغاتيف ديال اللجوء", Ar, ProteccionInternacional, Problemas),
    ("ما سجلونيش فالبادرون", Ar, Empadronamiento, Problemas),
    ("ma sjlounich f lpadron", Ar, Empadronamiento, Problemas),
    ("lbaladiya ma sjlatnich f padron", Ar, Empadronamiento, Problemas),
    ("مسحوني من البادرون", Ar, Empadronamiento, Problemas),
    ("الشوماج تقطع عليا", Ar, PrestacionDesempleo, Problemas),
    ("chomage t9t3at lia", Ar, PrestacionDesempleo, Problemas),
    ("ما بقيتش كنقبض الشوماج", Ar, PrestacionDesempleo, Problemas),
    ("ma b9itch kanchd chomage", Ar, PrestacionDesempleo, Problemas),
    ("ma khlsounich chomage had chher", Ar, PrestacionDesempleo, Problemas),
    ("bghawni nrj3hom lflous dyal chomage", Ar, PrestacionDesempleo, Problemas),
    ("الامبي تحبس", Ar, Imv, Problemas),
    ("الامبي ما بقاش كيدخل", Ar, Imv, Problemas),
    ("imv ma dkhelch lia had chher", Ar, Imv, Problemas),
    ("تم إيقاف الحد الأدنى للدخل", Ar, Imv, Problemas),
    ("سحبوا مني الحد الأدنى للدخل", Ar, Imv, Problemas),
    ("ما كاينش سيتا للنيي", Ar, NieTie, Problemas),
    ("makaynch rdv l nie", Ar, NieTie, Problemas),
    ("السيتا ديال النيي ما كاتجيش", Ar, NieTie, Problemas),
    ("ما قدرتش ناخد سيتا للنيي", Ar, NieTie, Problemas),
    ("لم أحصل على موعد للنيي", Ar, NieTie, Problemas),
    ("ma jdedouch lia nie", Ar, NieTie, Problemas),
    ("rj3ouni mn centro de salud bla tarjeta sanitaria", Ar, TarjetaSanitaria, Problemas),
    ("jatni negatif f arraigo", Ar, Arraigo, Problemas),
    ("el paro dejo de llegar", Es, PrestacionDesempleo, Problemas),
    ("ya no me llega el imv", Es, Imv, Problemas),
    ("lchomage wa9ef", Ar, PrestacionDesempleo, Problemas),
    ("sita ma kaynach l nie", Ar, NieTie, Problemas),
];

/// `(message, language, procedure, facet)`: look-alikes of [`PROBLEM_PROBES`] (the same words
/// asking for another part: "si je touche plus de 1000 euros", "cuando sale la cita", "how do i
/// get my health card back", "ila t9ta3 lia lkhdma wach n9der"), answered so before those words,
/// and still.
#[rustfmt::skip]
const PROBLEM_GUARDS: &[(&str, Lang, ProcedureId, Facet)] = &[
    // Spanish
    ("me empadronan sin contrato?", Es, Empadronamiento, Requisitos),
    ("que pasa si no me empadrono en el ayuntamiento", Es, Empadronamiento, Descripcion),
    ("que me piden para empadronarme", Es, Empadronamiento, Documentos),
    ("donde pido cita para el nie", Es, NieTie, ComoSolicitar),
    ("que llevo a la cita del nie", Es, NieTie, Documentos),
    ("cuando sale la cita del nie", Es, NieTie, Plazos),
    ("cuando me pagan el imv", Es, Imv, Plazos),
    ("cuanto me van a dar de imv", Es, Imv, Cuantia),
    ("cuando me devuelven el dinero del imv", Es, Imv, Plazos),
    ("nunca he pedido el imv como lo pido", Es, Imv, ComoSolicitar),
    ("no me han dado de alta tengo derecho al paro", Es, PrestacionDesempleo, Requisitos),
    ("nunca he cobrado el paro tengo derecho", Es, PrestacionDesempleo, Requisitos),
    ("si no me hacen contrato puedo pedir el arraigo", Es, Arraigo, Requisitos),
    ("donde me hacen la tarjeta sanitaria", Es, TarjetaSanitaria, ComoSolicitar),
    // French
    ("si je touche plus de 1000 euros j ai droit a l imv", Fr, Imv, Requisitos),
    ("je touche combien avec l imv", Fr, Imv, Cuantia),
    ("comment je fais pour avoir un rdv pour le nie", Fr, NieTie, ComoSolicitar),
    ("quels papiers pour le rdv du nie", Fr, NieTie, Documentos),
    ("quand est ce que le chomage tombe", Fr, PrestacionDesempleo, Plazos),
    ("quand est ce qu ils arretent de payer le chomage", Fr, PrestacionDesempleo, Plazos),
    ("ils me donnent la carte sanitaire si je suis sans papiers", Fr, TarjetaSanitaria, Requisitos),
    ("quels documents il faut rendre pour le padron", Fr, Empadronamiento, Documentos),
    ("c est obligatoire le padron", Fr, Empadronamiento, Descripcion),
    // English
    ("how do i get my nie card back", En, NieTie, ComoSolicitar),
    ("how do i get my health card back", En, TarjetaSanitaria, ComoSolicitar),
    ("how much will they take off my unemployment if i work", En, PrestacionDesempleo, Cuantia),
    ("i stopped working can i get unemployment", En, PrestacionDesempleo, Requisitos),
    ("when do i get paid unemployment", En, PrestacionDesempleo, Plazos),
    ("i never applied for the imv how do i apply", En, Imv, ComoSolicitar),
    ("when does the imv stop", En, Imv, Plazos),
    ("is the padron compulsory", En, Empadronamiento, Descripcion),
    // Arabic (MSA, Darija, Arabizi)
    ("كيفاش ناخد سيتا للنيي", Ar, NieTie, ComoSolicitar),
    ("kifach n7jz sita l nie", Ar, NieTie, ComoSolicitar),
    ("شنو خاصني للسيتا ديال النيي", Ar, NieTie, Documentos),
    ("ch7al kaykhlsou f chomage", Ar, PrestacionDesempleo, Cuantia),
    ("فوقاش كيدخل الشوماج", Ar, PrestacionDesempleo, Plazos),
    ("متى يتوقف الحد الأدنى للدخل", Ar, Imv, Plazos),
    ("ila t9ta3 lia lkhdma wach n9der nakhod chomage", Ar, PrestacionDesempleo, Requisitos),
    ("ma b9itch khdam wach 3andi l7a9 f chomage", Ar, PrestacionDesempleo, Requisitos),
    ("لم احصل على عمل هل يمكنني الحصول على اعانة البطالة", Ar, PrestacionDesempleo, Requisitos),
    ("شحال كتبقى السيتا ديال النيي", Ar, NieTie, Plazos),
    ("ana wa9ef 3la lkhdma wach n9der nakhod chomage", Ar, PrestacionDesempleo, Requisitos),
    ("dejo de entrar dinero en casa, puedo pedir el imv", Es, Imv, Requisitos),
];

#[test]
fn conditions_ask_for_the_requirements_and_refusals_for_what_to_do() {
    answers::assert_parts("probes", PROBES);
}

#[test]
fn a_condition_does_not_take_a_question_for_another_part() {
    answers::assert_parts("guards", GUARDS);
}

#[test]
fn something_gone_wrong_said_the_way_people_say_it_asks_what_to_do() {
    answers::assert_parts("problem probes", PROBLEM_PROBES);
}

#[test]
fn the_words_for_something_gone_wrong_do_not_take_another_part() {
    answers::assert_parts("problem guards", PROBLEM_GUARDS);
}

#[test]
fn every_language_has_its_probes_for_both_parts() {
    for &lang in Lang::ALL {
        for facet in [Requisitos, Problemas] {
            let n = PROBES
                .iter()
                .filter(|&&(_, l, _, f)| l == lang && f == facet)
                .count();
            assert!(n >= 15, "{lang} {facet}: {n} probes");
        }
    }
}

/// A question that starts with the amount, the procedure named after it, then words that also
/// ask about the requirements ("me toca", "can i get", "je peux avoir"): each was answered with
/// the requirements before `preguntas_cuantia`. One row per line.
#[rustfmt::skip]
const AMOUNT_FIRST: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("cuanto paro me tocaria", Es, PrestacionDesempleo, Cuantia),
    ("cuanto imv nos toca", Es, Imv, Cuantia),
    ("cuanto imv me corresponde si vivo sola con mi hija", Es, Imv, Cuantia),
    ("how much imv can i get", En, Imv, Cuantia),
    ("how much unemployment can i get if i worked 2 years", En, PrestacionDesempleo, Cuantia),
    ("combien d'imv je peux avoir", Fr, Imv, Cuantia),
    ("combien de chomage j'ai droit", Fr, PrestacionDesempleo, Cuantia),
];

/// The amount asked right after the entitlement ("j'ai droit à combien"), one word apart at
/// most: each was the requirements before.
#[rustfmt::skip]
const AMOUNT_AFTER_ENTITLEMENT: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("j'ai droit à combien pour l'imv", Fr, Imv, Cuantia),
    ("on a droit a combien d'imv", Fr, Imv, Cuantia),
    ("tengo derecho a cuanto de imv", Es, Imv, Cuantia),
    ("me toca cuanto de paro", Es, PrestacionDesempleo, Cuantia),
    ("am i entitled to how much imv", En, Imv, Cuantia),
];

/// "What can I do", "is there something to pay", "where is it": each was the description
/// before (no part word); and the time a benefit lasts asked with "a cuánto" was the amount.
#[rustfmt::skip]
const WHAT_TO_DO_AND_PAYING: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("que puedo hacer con el imv", Es, Imv, ComoSolicitar),
    ("what can i do about the imv", En, Imv, ComoSolicitar),
    ("what should i do for the padron", En, Empadronamiento, ComoSolicitar),
    ("je fais quoi pour l'imv", Fr, Imv, ComoSolicitar),
    ("que faire pour l'imv", Fr, Imv, ComoSolicitar),
    ("je dois faire quoi pour le padron", Fr, Empadronamiento, ComoSolicitar),
    ("c'est où pour le nie", Fr, NieTie, ComoSolicitar),
    ("ماذا أفعل للحصول على البطاقة الصحية", Ar, TarjetaSanitaria, ComoSolicitar),
    ("il faut payer le nie?", Fr, NieTie, Cuantia),
    ("hay que pagar algo por el nie", Es, NieTie, Cuantia),
    ("واش خاصني نخلص النيي", Ar, NieTie, Cuantia),
    ("tengo derecho a cuanto tiempo de paro", Es, PrestacionDesempleo, Plazos),
];

/// The requirements asked first, or with no question about the amount before them, stay the
/// requirements: an income told as a condition is not a question about the amount.
#[rustfmt::skip]
const REQUIREMENTS_FIRST: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("puedo pedir el imv si cobro 400 euros", Es, Imv, Requisitos),
    ("me toca el paro si trabaje 6 meses", Es, PrestacionDesempleo, Requisitos),
    ("can i get the imv if i earn 500 euros", En, Imv, Requisitos),
    ("est ce que j'ai droit a l'imv avec 600 euros", Fr, Imv, Requisitos),
];

#[test]
fn a_question_that_starts_with_the_amount_asks_for_the_amount() {
    answers::assert_parts("amount questions", AMOUNT_FIRST);
    answers::assert_parts("requirement questions", REQUIREMENTS_FIRST);
    answers::assert_parts("amounts after the entitlement", AMOUNT_AFTER_ENTITLEMENT);
}

/// A benefit that stopped is something gone wrong (the first was the description before); the
/// person who stopped working is asking about unemployment, not a problem with it.
#[rustfmt::skip]
const STOPPED: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("my imv stopped", En, Imv, Problemas),
    ("i stopped working, how do i apply for the paro", En, PrestacionDesempleo, ComoSolicitar),
    ("i stopped working can i get the paro", En, PrestacionDesempleo, Requisitos),
];

#[test]
fn what_to_do_and_whether_to_pay_pick_their_part() {
    answers::assert_parts("what to do, paying", WHAT_TO_DO_AND_PAYING);
    answers::assert_parts("stopped", STOPPED);
}

/// In a conversation, the part asked alone is about the procedure being discussed: the same
/// words pick it ("y si vivo con mis padres?" after the IMV).
#[test]
fn a_follow_up_with_a_condition_picks_its_part() {
    #[rustfmt::skip]
    let cases: &[(ProcedureId, &str, Lang, Facet)] = &[
        (Imv, "y si vivo con mis padres?", Es, Requisitos),
        (Imv, "cuanto me dan si vivo solo", Es, Cuantia),
        (Imv, "que hago si me lo deniegan", Es, Problemas),
        (Imv, "me pidieron devolver todo", Es, Problemas),
        (Empadronamiento, "que papeles llevo si no tengo contrato", Es, Documentos),
        (Empadronamiento, "no me lo quieren hacer", Es, Problemas),
        (NieTie, "cuanto tarda si lo pido por internet", Es, Plazos),
        (Imv, "et si je suis etudiant ?", Fr, Requisitos),
        (Imv, "on m'a demande de rembourser", Fr, Problemas),
        (Imv, "what if i live with my parents", En, Requisitos),
        (Empadronamiento, "they won't register me", En, Problemas),
        (Imv, "وايلا كنت طالب؟", Ar, Requisitos),
        (Imv, "طلبو مني نرجع الفلوس", Ar, Problemas),
        (Empadronamiento, "ma bghawch ysjlouni", Ar, Problemas),
    ];
    answers::assert_follow_ups(cases);
}

/// Follow-ups after the IMV's description, each answered wrong before (no part, or the
/// requirements for "y si no tengo cita?", which asks how to apply without one): going in
/// person, the phone, who has the right.
#[test]
fn follow_ups_about_going_in_person_the_phone_and_who_can() {
    #[rustfmt::skip]
    let cases: &[(ProcedureId, &str, Lang, Facet)] = &[
        (Imv, "tengo que ir en persona?", Es, ComoSolicitar),
        (Imv, "y si no tengo cita?", Es, ComoSolicitar),
        (Imv, "y el telefono?", Es, ComoSolicitar),
        (Imv, "faut y aller en personne ?", Fr, ComoSolicitar),
        (Imv, "qui a le droit", Fr, Requisitos),
        (Imv, "do i have to go in person", En, ComoSolicitar),
        (Imv, "شكون لي يقدر ياخدو", Ar, Requisitos),
        (Imv, "واش خاصني نمشي بنفسي", Ar, ComoSolicitar),
        (Imv, "chno l numero dyal telephone", Ar, ComoSolicitar),
    ];
    answers::assert_follow_ups(cases);
}

/// An NIE or TIE that expired is something gone wrong, whatever else is said: the problems part
/// says what to do ("se te pasó la renovación: tienes 3 meses…"). Each was the description or how
/// to apply before `nie caducado`, `tie expired` and the like carried the problems part. The
/// guards ask another part of the same card.
#[rustfmt::skip]
const EXPIRED_CARD: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("se me caduco el nie que hago", Es, NieTie, Problemas),
    ("tengo la tie caducada", Es, NieTie, Problemas),
    ("se me ha caducado la tie, que tengo que hacer", Es, NieTie, Problemas),
    ("my tie expired what do i do", En, NieTie, Problemas),
    ("my nie has expired", En, NieTie, Problemas),
];

#[rustfmt::skip]
const EXPIRED_CARD_GUARDS: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("que documentos necesito si tengo el nie caducado", Es, NieTie, Documentos),
    ("cuanto tiempo tengo para renovar el nie caducado", Es, NieTie, Plazos),
];

#[test]
fn an_expired_card_is_something_gone_wrong() {
    answers::assert_parts("expired card", EXPIRED_CARD);
    answers::assert_parts("expired card, guards", EXPIRED_CARD_GUARDS);
}

/// Renewing one's papers is the NIE's deadlines, where the renewal window is ("desde 2 meses
/// antes hasta 3 meses después"): the phrases that name the card to renew carried no part, so
/// the description answered them, and "renuevo" was no word at all.
#[rustfmt::skip]
const RENEWAL: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("renovar mis papeles", Es, NieTie, Plazos),
    ("como renuevo mis papeles", Es, NieTie, Plazos),
    ("quiero renovar la residencia", Es, NieTie, Plazos),
    ("renouveler ma carte de séjour", Fr, NieTie, Plazos),
    ("je dois renouveler mes papiers", Fr, NieTie, Plazos),
    ("i need to renew my residence", En, NieTie, Plazos),
    ("بغيت نجدد الكارطة", Ar, NieTie, Plazos),
    ("khassni njded lwra9", Ar, NieTie, Plazos),
];

#[rustfmt::skip]
const RENEWAL_GUARDS: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("how do I renew my tie", En, NieTie, ComoSolicitar),
    ("que documentos necesito para renovar la tie", Es, NieTie, Documentos),
    ("cuanto cuesta renovar la tarjeta de residencia", Es, NieTie, Cuantia),
    ("cuanto cuesta renovar la tie caducada", Es, NieTie, Cuantia),
    ("how much does it cost to renew my tie", En, NieTie, Cuantia),
    ("combien coute le renouvellement de la carte de sejour", Fr, NieTie, Cuantia),
    ("renovar la tarjeta roja", Es, ProteccionInternacional, Plazos),
];

#[test]
fn renewing_ones_papers_is_the_deadlines() {
    answers::assert_parts("renewal", RENEWAL);
    answers::assert_parts("renewal, guards", RENEWAL_GUARDS);
}

/// A red card that expires or must be renewed is asylum's deadlines, which say it is valid 6
/// months and renewed with an appointment at the OAR (before, "se me caducó la tarjeta roja" got
/// the description and "how do I renew my red card" how to apply for asylum).
#[rustfmt::skip]
const RED_CARD_RENEWAL: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("se me caduco la tarjeta roja", Es, ProteccionInternacional, Plazos),
    ("tengo la tarjeta roja caducada que hago", Es, ProteccionInternacional, Plazos),
    ("mi tarjeta roja se vence la semana que viene", Es, ProteccionInternacional, Plazos),
    ("ma carte rouge a expiré", Fr, ProteccionInternacional, Plazos),
    ("how do i renew my red card", En, ProteccionInternacional, Plazos),
];

#[test]
fn a_red_card_that_expires_is_the_asylum_deadlines() {
    answers::assert_parts("red card renewal", RED_CARD_RENEWAL);
    let deadlines = clara::kb::answer_by_id("proteccion_internacional.plazos.es").unwrap();
    assert!(
        deadlines
            .text
            .contains("Tarjeta roja: vale 6 meses; se renueva con cita en la OAR"),
        "{}",
        deadlines.text
    );
}
