//! Facet phrasings in French and English: which part of a procedure a question asks for, written
//! the way people write on WhatsApp. SMS French ("kel papier", "sa prend cb de tps", "c koi les
//! condition", "jdois ramener quoi", "c'est où qu'on dépose", "ki peut", "jai raté mon rdv"), the
//! French of West and North African speakers ("ils demandent quoi pour", "il me faut koi", "on va
//! où pour", "je dois faire quoi pour"), and colloquial or non-native English ("what paper i need",
//! "how i do the padron", "how much it take", "is it free the nie", "i can get the imv?",
//! "everybody can have", "they not accept", "the doctor ask me money"). The guards are questions
//! for another part, or plain mentions, that hold the same words ("what do i do if they refuse",
//! "combien de temps on peut avoir le chomage", "how i get papers in spain"): answered so before
//! these words, and still. The follow-ups are the same questions asked alone after a procedure
//! answer (`Context { lang, procedure }`). Every probe and follow-up was answered with another
//! part before the facet words of this round (checked by running this file against the previous
//! `compartido.json`). Messages are typed the way they arrive once folded (no accents, apostrophes
//! as spaces). Written without `data/evals`.
//!
//! A second round (`SECOND_*`) takes rougher messages: SMS French with the procedure first ("paro
//! jm inscris ou", "arraigo la reponse c kan", "nie ya pa de rdv", "padron la mairie veut pa"),
//! English written fast ("padron how 2 do it", "imv wat do i need to give"), a paper named in the
//! question ("faut la photo", "faut le casier?", "need my passport", "integration report"), time
//! asked as a condition ("faut combien d annees", "how many years u need", "how long i must
//! work"), an income ceiling ("moins de combien", "income limit", "max salary"), a lawyer who
//! never answers (the deadlines: the Bar Association's answer times), and Spanish words inside
//! French and English ("denegado", "pas de cita", "no cita").

mod answers;

use Facet::*;
use Lang::*;
use ProcedureId::*;
use clara::kb::{Facet, Lang, ProcedureId};

/// `(message, language, procedure, facet)`: each was answered with another part (mostly
/// `descripcion`; `como_solicitar` for a missed appointment or "rdv" in a question about papers;
/// `cuantia` for "how much it take", "on attend cmb"; `requisitos` for "on me donne combien")
/// before the facet words of this round. One row per line.
#[rustfmt::skip]
const PROBES: &[(&str, Lang, ProcedureId, Facet)] = &[
    // French: documentos
    ("qu est ce qu on doit emmener au rdv du nie", Fr, NieTie, Documentos),
    ("je dois prendre quoi avec moi pour l asile", Fr, ProteccionInternacional, Documentos),
    ("ils demandent quoi pour l arraigo", Fr, Arraigo, Documentos),
    ("qu est ce qu ils demandent pour l avocat gratuit", Fr, JusticiaGratuita, Documentos),
    ("je dois presenter quoi pour le padron", Fr, Empadronamiento, Documentos),
    ("il faut montrer quoi pour la carte sanitaire", Fr, TarjetaSanitaria, Documentos),
    ("je prends quoi pour le rdv de l imv", Fr, Imv, Documentos),
    ("kes ki faut pour l arraigo", Fr, Arraigo, Documentos),
    ("je dois donner quoi pour la carte sanitaire", Fr, TarjetaSanitaria, Documentos),
    ("ils me demandent quoi a la mairie pour le padron", Fr, Empadronamiento, Documentos),
    ("il me faut koi pour le nie", Fr, NieTie, Documentos),
    ("il faut le passeport pour le padron", Fr, Empadronamiento, Documentos),
    ("le passeport ca suffit pour le padron", Fr, Empadronamiento, Documentos),
    ("je dois presenter quoi au sepe pour le chomage", Fr, PrestacionDesempleo, Documentos),
    ("il faut koi pour le chomage", Fr, PrestacionDesempleo, Documentos),
    ("pour le chomage ils demandent quoi", Fr, PrestacionDesempleo, Documentos),
    // French: como_solicitar
    ("c est ou qu on depose le dossier de l imv", Fr, Imv, ComoSolicitar),
    ("koman on fai pour le chomage", Fr, PrestacionDesempleo, ComoSolicitar),
    ("kmt faire la carte sanitaire", Fr, TarjetaSanitaria, ComoSolicitar),
    ("on va ou pour le nie", Fr, NieTie, ComoSolicitar),
    ("il faut aller ou pour l arraigo", Fr, Arraigo, ComoSolicitar),
    ("ca se fait ou le padron", Fr, Empadronamiento, ComoSolicitar),
    ("je commence par quoi pour l imv", Fr, Imv, ComoSolicitar),
    ("c ou ke je vais pour l asile", Fr, ProteccionInternacional, ComoSolicitar),
    ("je peux le faire sur le telephone l imv", Fr, Imv, ComoSolicitar),
    ("qui je dois voir pour l avocat gratuit", Fr, JusticiaGratuita, ComoSolicitar),
    ("on s adresse a qui pour la carte sanitaire", Fr, TarjetaSanitaria, ComoSolicitar),
    ("kom on fait pour l arraigo", Fr, Arraigo, ComoSolicitar),
    ("ou est ce qu on depose le dossier de l arraigo", Fr, Arraigo, ComoSolicitar),
    ("c ou qu il faut aller pour le chomage", Fr, PrestacionDesempleo, ComoSolicitar),
    ("par ou je commence pour l asile", Fr, ProteccionInternacional, ComoSolicitar),
    ("on fait ca ou la carte sanitaire", Fr, TarjetaSanitaria, ComoSolicitar),
    ("qu est ce que je dois faire pour avoir le nie", Fr, NieTie, ComoSolicitar),
    ("faut faire koi pour le padron", Fr, Empadronamiento, ComoSolicitar),
    ("il faut faire quoi pour l arraigo", Fr, Arraigo, ComoSolicitar),
    ("je dois faire quoi pour la carte sanitaire", Fr, TarjetaSanitaria, ComoSolicitar),
    ("que dois je faire pour l asile", Fr, ProteccionInternacional, ComoSolicitar),
    ("c quoi le numero de telephone pour l avocat gratuit", Fr, JusticiaGratuita, ComoSolicitar),
    ("ya un site pour l imv", Fr, Imv, ComoSolicitar),
    ("je dois aller ou pour le padron", Fr, Empadronamiento, ComoSolicitar),
    ("la prefecture elle est ou", Fr, NieTie, ComoSolicitar),
    // French: plazos
    ("on attend cmb pour le nie", Fr, NieTie, Plazos),
    ("c long pour avoir la carte sanitaire", Fr, TarjetaSanitaria, Plazos),
    ("la carte rouge elle dure cb", Fr, ProteccionInternacional, Plazos),
    // The NIE's "renouveler ma carte" / "la carte" took the card's own name: no procedure, or
    // the NIE.
    ("renouveler ma carte rouge", Fr, ProteccionInternacional, Plazos),
    ("renouveler la carte rouge", Fr, ProteccionInternacional, Plazos),
    ("renouveler la carte sanitaire", Fr, TarjetaSanitaria, Plazos),
    ("renouveler ma carte sanitaire", Fr, TarjetaSanitaria, Plazos),
    ("le rdv du nie c est dans longtemps", Fr, NieTie, Plazos),
    ("c rapide le padron", Fr, Empadronamiento, Plazos),
    ("ca va vite l imv", Fr, Imv, Plazos),
    ("la decision de l asile ca tarde", Fr, ProteccionInternacional, Plazos),
    ("l arraigo c est long", Fr, Arraigo, Plazos),
    ("il faut cb de jours pour la carte sanitaire", Fr, TarjetaSanitaria, Plazos),
    ("ya une date pour demander l asile", Fr, ProteccionInternacional, Plazos),
    ("la tie elle est bonne pour cb d annees", Fr, NieTie, Plazos),
    ("c est rapide l avocat gratuit", Fr, JusticiaGratuita, Plazos),
    ("l imv ils mettent cb a repondre", Fr, Imv, Plazos),
    ("le padron il faut le refaire tous les cb", Fr, Empadronamiento, Plazos),
    ("le chomage dure cb", Fr, PrestacionDesempleo, Plazos),
    ("l imv on le touche quel jour", Fr, Imv, Plazos),
    ("le chomage tombe quel jour", Fr, PrestacionDesempleo, Plazos),
    ("comment je renouvelle la tie", Fr, NieTie, Plazos),
    ("c est combien de temps pour le nie", Fr, NieTie, Plazos),
    ("c combien de temps le padron", Fr, Empadronamiento, Plazos),
    ("combien de temps je peux toucher le chomage", Fr, PrestacionDesempleo, Plazos),
    ("j ai pas recu la reponse pour l asile", Fr, ProteccionInternacional, Plazos),
    // French: cuantia
    ("l imv c est cb", Fr, Imv, Cuantia),
    ("le nie c payant", Fr, NieTie, Cuantia),
    ("le prix de la tie", Fr, NieTie, Cuantia),
    ("ca coute cher le nie", Fr, NieTie, Cuantia),
    ("on me donne combien au chomage", Fr, PrestacionDesempleo, Cuantia),
    ("ils me donnent cb pour l imv", Fr, Imv, Cuantia),
    ("la taxe pour le nie", Fr, NieTie, Cuantia),
    ("faut payer pour la carte de sejour", Fr, NieTie, Cuantia),
    ("l imv sa fait cb", Fr, Imv, Cuantia),
    ("ils versent cb pour l imv", Fr, Imv, Cuantia),
    ("c est gratuit le nie", Fr, NieTie, Cuantia),
    ("je vais avoir cb au chomage", Fr, PrestacionDesempleo, Cuantia),
    ("le chomage ils donnent cb", Fr, PrestacionDesempleo, Cuantia),
    ("je peux avoir combien au chomage", Fr, PrestacionDesempleo, Cuantia),
    ("c est quoi la taxe pour le nie", Fr, NieTie, Cuantia),
    ("le chomage c cb", Fr, PrestacionDesempleo, Cuantia),
    ("le chomage ils me donnent combien", Fr, PrestacionDesempleo, Cuantia),
    // French: requisitos
    ("ki peut avoir le padron", Fr, Empadronamiento, Requisitos),
    ("il faut quoi pour avoir droit au chomage", Fr, PrestacionDesempleo, Requisitos),
    ("pour l imv faut quoi comme conditions", Fr, Imv, Requisitos),
    ("tout le monde peut avoir la carte sanitaire", Fr, TarjetaSanitaria, Requisitos),
    ("faut etre comment pour avoir l imv", Fr, Imv, Requisitos),
    ("il faut etre la depuis cb pour l arraigo", Fr, Arraigo, Requisitos),
    ("faut cotiser combien de temps pour le chomage", Fr, PrestacionDesempleo, Requisitos),
    ("c est ouvert a qui l imv", Fr, Imv, Requisitos),
    ("ma femme elle peut avoir le padron", Fr, Empadronamiento, Requisitos),
    ("ki peut avoir le nie", Fr, NieTie, Requisitos),
    ("le nie c pour ki", Fr, NieTie, Requisitos),
    ("tout le monde peut avoir le nie", Fr, NieTie, Requisitos),
    ("l avocat gratuit c pour ki", Fr, JusticiaGratuita, Requisitos),
    ("tout le monde peut avoir un avocat gratuit", Fr, JusticiaGratuita, Requisitos),
    ("pour avoir droit a l avocat d office il faut quoi", Fr, JusticiaGratuita, Requisitos),
    ("ki peut demander l imv", Fr, Imv, Requisitos),
    ("mon fils il peut avoir la carte sanitaire", Fr, TarjetaSanitaria, Requisitos),
    ("l asile c pour ki", Fr, ProteccionInternacional, Requisitos),
    // French: problemas
    ("ma carte sanitaire marche plus", Fr, TarjetaSanitaria, Problemas),
    ("le medecin il m a demande de payer", Fr, TarjetaSanitaria, Problemas),
    ("jai rate mon rdv pour le nie", Fr, NieTie, Problemas),
    ("on m a fait payer au centre de sante", Fr, TarjetaSanitaria, Problemas),
    ("j ai pas recu l imv ce mois", Fr, Imv, Problemas),
    ("jai un souci avec mon nie", Fr, NieTie, Problemas),
    ("le chomage il est pas arrive ce mois ci", Fr, PrestacionDesempleo, Problemas),
    ("l avocat d office il fait rien", Fr, JusticiaGratuita, Problemas),
    ("jai eu un refu pour l arraigo", Fr, Arraigo, Problemas),
    ("ils m ont mis dehors du padron", Fr, Empadronamiento, Problemas),
    ("j ai rate le rdv de l asile", Fr, ProteccionInternacional, Problemas),
    ("ils m ont pas paye le chomage", Fr, PrestacionDesempleo, Problemas),
    ("ma carte rouge marche plus", Fr, ProteccionInternacional, Problemas),
    ("g un souci avec le padron", Fr, Empadronamiento, Problemas),
    ("jai rate le rdv de l arraigo", Fr, Arraigo, Problemas),
    ("ils m ont pas paye l imv", Fr, Imv, Problemas),
    ("jai pas recu mon chomage", Fr, PrestacionDesempleo, Problemas),
    ("l avocat il fait rien pour moi", Fr, JusticiaGratuita, Problemas),
    // English: documentos
    ("what they want for the imv", En, Imv, Documentos),
    ("which paper they ask for unemployment", En, PrestacionDesempleo, Documentos),
    ("what do i need to get the nie", En, NieTie, Documentos),
    ("what i have to carry to the appointment for nie", En, NieTie, Documentos),
    ("what do i show them for arraigo", En, Arraigo, Documentos),
    ("what i should take for asylum interview", En, ProteccionInternacional, Documentos),
    ("wat paper for the health card", En, TarjetaSanitaria, Documentos),
    ("the padron what paper", En, Empadronamiento, Documentos),
    ("what do they need from me for unemployment", En, PrestacionDesempleo, Documentos),
    ("what to carry for health card", En, TarjetaSanitaria, Documentos),
    ("what do i need to have with me for the padron", En, Empadronamiento, Documentos),
    ("what must i take to sepe for unemployment", En, PrestacionDesempleo, Documentos),
    ("do i need passport for padron", En, Empadronamiento, Documentos),
    ("is the passport enough for padron", En, Empadronamiento, Documentos),
    ("which paper for free lawyer", En, JusticiaGratuita, Documentos),
    // English: como_solicitar
    ("how i do the padron", En, Empadronamiento, ComoSolicitar),
    ("how i can get the health card", En, TarjetaSanitaria, ComoSolicitar),
    ("how i get asylum", En, ProteccionInternacional, ComoSolicitar),
    ("wat i do to get unemployment", En, PrestacionDesempleo, ComoSolicitar),
    ("who i talk to for free lawyer", En, JusticiaGratuita, ComoSolicitar),
    ("how it works the arraigo", En, Arraigo, ComoSolicitar),
    ("how does it work for the imv", En, Imv, ComoSolicitar),
    ("i want to ask for asylum what i do", En, ProteccionInternacional, ComoSolicitar),
    ("how i make the nie", En, NieTie, ComoSolicitar),
    ("how i ask the imv", En, Imv, ComoSolicitar),
    ("how i start for arraigo", En, Arraigo, ComoSolicitar),
    ("i go to which place for padron", En, Empadronamiento, ComoSolicitar),
    ("what is the way to get unemployment", En, PrestacionDesempleo, ComoSolicitar),
    ("what i do to have the imv", En, Imv, ComoSolicitar),
    ("how can someone get a free lawyer", En, JusticiaGratuita, ComoSolicitar),
    ("how do people get the imv", En, Imv, ComoSolicitar),
    ("what do i do for the padron", En, Empadronamiento, ComoSolicitar),
    ("what i need do for arraigo", En, Arraigo, ComoSolicitar),
    ("what number i call for the free lawyer", En, JusticiaGratuita, ComoSolicitar),
    ("is there a website for the imv", En, Imv, ComoSolicitar),
    ("how i get papers in spain", En, Arraigo, ComoSolicitar),
    // English: plazos
    ("how many time for the arraigo", En, Arraigo, Plazos),
    ("how much days for the imv answer", En, Imv, Plazos),
    ("how fast i get the padron", En, Empadronamiento, Plazos),
    ("is it quick the nie", En, NieTie, Plazos),
    ("how much it take for nie", En, NieTie, Plazos),
    ("how many time unemployment last", En, PrestacionDesempleo, Plazos),
    ("how much weeks for health card", En, TarjetaSanitaria, Plazos),
    ("how much months for the asylum decision", En, ProteccionInternacional, Plazos),
    ("the free lawyer it come fast", En, JusticiaGratuita, Plazos),
    ("asylum is long?", En, ProteccionInternacional, Plazos),
    ("the imv is fast or slow", En, Imv, Plazos),
    ("how much it takes the health card", En, TarjetaSanitaria, Plazos),
    ("nie it take much time", En, NieTie, Plazos),
    ("the padron is ready the same day", En, Empadronamiento, Plazos),
    ("what day they pay unemployment", En, PrestacionDesempleo, Plazos),
    ("the imv is paid what day", En, Imv, Plazos),
    ("which day come the imv money", En, Imv, Plazos),
    ("unemployment how many month", En, PrestacionDesempleo, Plazos),
    ("how long can i get unemployment", En, PrestacionDesempleo, Plazos),
    ("when i can apply for unemployment", En, PrestacionDesempleo, Plazos),
    ("my imv application is still pending", En, Imv, Plazos),
    ("the nie card didnt arrive yet", En, NieTie, Plazos),
    // English: cuantia
    ("what is the price of the tie", En, NieTie, Cuantia),
    ("is it free the nie", En, NieTie, Cuantia),
    ("what i get from the imv", En, Imv, Cuantia),
    ("unemployment they give what", En, PrestacionDesempleo, Cuantia),
    ("the fee for the nie", En, NieTie, Cuantia),
    ("what is the cost of nie", En, NieTie, Cuantia),
    ("how many euro unemployment", En, PrestacionDesempleo, Cuantia),
    ("i will receive what from imv", En, Imv, Cuantia),
    ("the unemployment is it much", En, PrestacionDesempleo, Cuantia),
    ("the imv what i get from it", En, Imv, Cuantia),
    ("the tie price", En, NieTie, Cuantia),
    ("how many euro is the imv", En, Imv, Cuantia),
    ("unemployment what i get from it", En, PrestacionDesempleo, Cuantia),
    // English: requisitos
    ("i can get the imv?", En, Imv, Requisitos),
    ("i can apply for asylum?", En, ProteccionInternacional, Requisitos),
    ("everybody can have the health card", En, TarjetaSanitaria, Requisitos),
    ("anyone can ask for free lawyer", En, JusticiaGratuita, Requisitos),
    ("the imv is for who", En, Imv, Requisitos),
    ("i have right for unemployment", En, PrestacionDesempleo, Requisitos),
    ("me i can have the padron", En, Empadronamiento, Requisitos),
    ("who is can get nie", En, NieTie, Requisitos),
    ("i can have unemployment", En, PrestacionDesempleo, Requisitos),
    ("asylum is for who", En, ProteccionInternacional, Requisitos),
    ("it is possible to have arraigo", En, Arraigo, Requisitos),
    ("which people can get the imv", En, Imv, Requisitos),
    ("what is needed to qualify for unemployment", En, PrestacionDesempleo, Requisitos),
    ("can everybody get the nie", En, NieTie, Requisitos),
    ("can my wife get the health card", En, TarjetaSanitaria, Requisitos),
    ("can my kids get the imv", En, Imv, Requisitos),
    ("how old you must be for imv", En, Imv, Requisitos),
    ("what age for the imv", En, Imv, Requisitos),
    // English: problemas
    ("they dont give me appointment for nie", En, NieTie, Problemas),
    ("i loose my nie", En, NieTie, Problemas),
    ("my asylum is negative", En, ProteccionInternacional, Problemas),
    ("the doctor ask me money", En, TarjetaSanitaria, Problemas),
    ("unemployment not come this month", En, PrestacionDesempleo, Problemas),
    ("i miss my appointment for nie", En, NieTie, Problemas),
    ("they close my unemployment", En, PrestacionDesempleo, Problemas),
    ("the sepe punish me", En, PrestacionDesempleo, Problemas),
    ("they throw me out the padron", En, Empadronamiento, Problemas),
    ("they not accept my papers for arraigo", En, Arraigo, Problemas),
    ("they not give me the health card", En, TarjetaSanitaria, Problemas),
    ("they dont accept me at the clinic", En, TarjetaSanitaria, Problemas),
    ("i have debt with imv", En, Imv, Problemas),
    ("somebody steal my nie", En, NieTie, Problemas),
    ("the landlord no want to register me padron", En, Empadronamiento, Problemas),
    ("i missed my asylum interview", En, ProteccionInternacional, Problemas),
    ("they ask me to pay at the health centre", En, TarjetaSanitaria, Problemas),
    ("imv money not arrive", En, Imv, Problemas),
    ("they make me pay in hospital without health card", En, TarjetaSanitaria, Problemas),
    ("imv dont come anymore", En, Imv, Problemas),
    ("the free lawyer they dont give me", En, JusticiaGratuita, Problemas),
    ("they make me pay the free lawyer", En, JusticiaGratuita, Problemas),
    ("they not accept me for legal aid", En, JusticiaGratuita, Problemas),
];

/// `(message, language, procedure, facet)`: answered so before the facet words of this round,
/// and still.
#[rustfmt::skip]
const GUARDS: &[(&str, Lang, ProcedureId, Facet)] = &[
    // An expired passport is not the residence card's deadlines.
    ("my passport expired can i register at the padron", En, Empadronamiento, Requisitos),
    // French: documentos
    ("quels papiers je dois emmener pour le padron", Fr, Empadronamiento, Documentos),
    ("quels documents pour s inscrire au chomage", Fr, PrestacionDesempleo, Documentos),
    // French: como_solicitar
    ("ou on peut demander l imv", Fr, Imv, ComoSolicitar),
    ("comment on peut demander l asile", Fr, ProteccionInternacional, ComoSolicitar),
    ("comment faire mes papiers en espagne", Fr, Arraigo, ComoSolicitar),
    // French: plazos
    ("combien de temps pour avoir la reponse de l imv", Fr, Imv, Plazos),
    ("combien de temps on peut avoir le chomage", Fr, PrestacionDesempleo, Plazos),
    // French: cuantia
    ("le montant de la taxe du nie", Fr, NieTie, Cuantia),
    ("c est combien d euros le chomage", Fr, PrestacionDesempleo, Cuantia),
    // French: requisitos
    ("ca fait longtemps que je vis ici je peux avoir l arraigo", Fr, Arraigo, Requisitos),
    ("je peux avoir la carte sanitaire gratuitement", Fr, TarjetaSanitaria, Requisitos),
    ("qui peut avoir l imv", Fr, Imv, Requisitos),
    // French: problemas
    ("ils m ont demande de rembourser le chomage", Fr, PrestacionDesempleo, Problemas),
    ("ils me demandent de rembourser l imv", Fr, Imv, Problemas),
    ("comment je fais si on me refuse l asile", Fr, ProteccionInternacional, Problemas),
    ("c est ou que je dois aller si on me refuse le padron", Fr, Empadronamiento, Problemas),
    ("je dois faire quoi si on m a vole mon nie", Fr, NieTie, Problemas),
    ("le site du sepe marche pas pour le chomage", Fr, PrestacionDesempleo, Problemas),
    // French: descripcion
    ("je veux un avocat gratuit", Fr, JusticiaGratuita, Descripcion),
    ("il peut avoir les papiers mon mari", Fr, Arraigo, Descripcion),
    ("bonjour le nie", Fr, NieTie, Descripcion),
    ("c est quoi l aide juridictionnelle", Fr, JusticiaGratuita, Descripcion),
    ("c est gratuit l avocat d office", Fr, JusticiaGratuita, Descripcion),
    ("la mairie elle ferme a quelle heure pour le padron", Fr, Empadronamiento, Descripcion),
    // English: documentos
    ("what i must bring to the appointment for the nie", En, NieTie, Documentos),
    ("what papers do i need for the imv", En, Imv, Documentos),
    ("do they ask for the passport for the padron", En, Empadronamiento, Documentos),
    ("what papers do i need for the nie appointment", En, NieTie, Documentos),
    // English: como_solicitar
    ("where i can apply for the imv", En, Imv, ComoSolicitar),
    ("where i can pay the fee for the tie", En, NieTie, ComoSolicitar),
    ("where can i pay the fee for the nie", En, NieTie, ComoSolicitar),
    // English: plazos
    ("how long i can get unemployment", En, PrestacionDesempleo, Plazos),
    ("how many months of unemployment can i get", En, PrestacionDesempleo, Plazos),
    ("how long i can stay with the red card", En, ProteccionInternacional, Plazos),
    ("when do they pay the imv", En, Imv, Plazos),
    // English: cuantia
    ("how much i can get from the imv", En, Imv, Cuantia),
    ("how much does the tie cost", En, NieTie, Cuantia),
    ("how much does it cost the nie", En, NieTie, Cuantia),
    ("how much is the imv for a family", En, Imv, Cuantia),
    // English: requisitos
    ("i lost my job can i get unemployment", En, PrestacionDesempleo, Requisitos),
    ("do i need to be registered for the health card", En, TarjetaSanitaria, Requisitos),
    ("i live here a long time can i get arraigo", En, Arraigo, Requisitos),
    ("what age can i get the imv", En, Imv, Requisitos),
    ("i have a debt with the landlord can i get the padron", En, Empadronamiento, Requisitos),
    ("i can get papers if i work here", En, Arraigo, Requisitos),
    // English: problemas
    ("they refused my asylum what i can do", En, ProteccionInternacional, Problemas),
    ("they refused my asylum what i do", En, ProteccionInternacional, Problemas),
    ("i cant get an appointment for the nie", En, NieTie, Problemas),
    ("they want me to pay back the imv", En, Imv, Problemas),
    ("i have to give back the unemployment money", En, PrestacionDesempleo, Problemas),
    ("what happens if i lose my nie", En, NieTie, Problemas),
    ("i lost my nie what do i do", En, NieTie, Problemas),
    ("they refused my padron what i do", En, Empadronamiento, Problemas),
    ("what do i do if they refuse my arraigo", En, Arraigo, Problemas),
    ("how i can appeal the asylum refusal", En, ProteccionInternacional, Problemas),
    ("where i can complain about the padron", En, Empadronamiento, Problemas),
    ("the website is not working for the nie appointment", En, NieTie, Problemas),
    // English: descripcion
    ("hi, the padron", En, Empadronamiento, Descripcion),
    ("what is arraigo", En, Arraigo, Descripcion),
    ("the padron is free?", En, Empadronamiento, Descripcion),
    // Spanish: plazos
    ("cuanto tarda el nie", Es, NieTie, Plazos),
];

/// Second round, `(message, language, procedure, facet)`: shorter and rougher messages, each
/// answered with another part before the facet words of that round (mostly `descripcion`;
/// `plazos` for "how many years u need", "combien de temps" after "cotise"; `cuantia` for "je le
/// touche combien de mois", "when i get paid"; `requisitos` for "il faut le casier judiciaire";
/// `como_solicitar` for "pas de cita", "jpeux demander"), or in Spanish ("ils m'ont refusé",
/// "they denegado my imv", "on me la refuse", "imv they refuse me": a French or English sentence
/// around a Spanish word or a word both languages share). One row per line.
#[rustfmt::skip]
const SECOND_PROBES: &[(&str, Lang, ProcedureId, Facet)] = &[
    // French: documentos
    ("pour l imv faut le certificat de padron?", Fr, Imv, Documentos),
    ("qu est ce que je dois avoir sur moi pour la carte sanitaire", Fr, TarjetaSanitaria, Documentos),
    ("pour la cita du nie je ramene quoi", Fr, NieTie, Documentos),
    ("faut la photo pour le nie?", Fr, NieTie, Documentos),
    ("pour l arraigo il faut le casier judiciaire de mon pays?", Fr, Arraigo, Documentos),
    ("pour l asile je dois avoir mon passeport avec moi", Fr, ProteccionInternacional, Documentos),
    ("pour la justicia gratuita je dois montrer mes fiches de paie?", Fr, JusticiaGratuita, Documentos),
    ("pour le paro faut le certificat de l entreprise?", Fr, PrestacionDesempleo, Documentos),
    ("c koi les doc pour s empadronar", Fr, Empadronamiento, Documentos),
    ("le rapport d integration c obligatoire pour l arraigo?", Fr, Arraigo, Documentos),
    ("faut la lettre de licenciement pour le paro?", Fr, PrestacionDesempleo, Documentos),
    ("arraigo ils veulent koi comme doc", Fr, Arraigo, Documentos),
    ("pour l arraigo il faut le casier judiciaire et quoi d autre comme papiers", Fr, Arraigo, Documentos),
    // French: como_solicitar
    ("le padron on le fait a la mairie ou?", Fr, Empadronamiento, ComoSolicitar),
    ("paro jm inscris ou", Fr, PrestacionDesempleo, ComoSolicitar),
    ("pour le nie jfais quoi d abord", Fr, NieTie, ComoSolicitar),
    // French: plazos
    ("ca fait 6 mois que j attends l imv", Fr, Imv, Plazos),
    ("je dois demander l avocat gratuit avant quelle date", Fr, JusticiaGratuita, Plazos),
    ("l avocat gratuit il repond jamais", Fr, JusticiaGratuita, Plazos),
    ("le paro je le touche combien de mois", Fr, PrestacionDesempleo, Plazos),
    ("tie sa expire kan", Fr, NieTie, Plazos),
    ("arraigo la reponse c kan", Fr, Arraigo, Plazos),
    ("paro jle touche kan", Fr, PrestacionDesempleo, Plazos),
    ("le padron je l ai fait y a 2 ans faut le refaire?", Fr, Empadronamiento, Plazos),
    ("le padron faut le refaire tous les combien", Fr, Empadronamiento, Plazos),
    // French: cuantia
    ("le nie c cher?", Fr, NieTie, Cuantia),
    ("paro c quel pourcentage du salaire", Fr, PrestacionDesempleo, Cuantia),
    // French: requisitos
    ("moi je suis seul sans enfant j peux toucher l imv?", Fr, Imv, Requisitos),
    ("faut combien d annees en espagne pour demander l imv", Fr, Imv, Requisitos),
    ("arraigo social il faut combien d annees ici", Fr, Arraigo, Requisitos),
    ("l asile c accepte pour les colombiens?", Fr, ProteccionInternacional, Requisitos),
    ("faut gagner moins de combien pour l avocat gratuit", Fr, JusticiaGratuita, Requisitos),
    ("est ce que les etrangers touchent le paro", Fr, PrestacionDesempleo, Requisitos),
    ("il faut avoir cotise combien de temps pour le paro", Fr, PrestacionDesempleo, Requisitos),
    ("bjr on est 6 dans un appart jpeux quand meme faire le padron", Fr, Empadronamiento, Requisitos),
    ("jsui en espagne depui 3 an c bon pour l arraigo?", Fr, Arraigo, Requisitos),
    ("jai 23 ans jpeux demander l imv", Fr, Imv, Requisitos),
    ("l imv c pour les gens qui ont des enfants seulement?", Fr, Imv, Requisitos),
    ("faut parler espagnol pour l arraigo?", Fr, Arraigo, Requisitos),
    ("j ai pas mon passeport je peux quand meme demander l asile", Fr, ProteccionInternacional, Requisitos),
    ("avocat gratuit faut gagner cmb max", Fr, JusticiaGratuita, Requisitos),
    ("jai demissione jai droit o paro?", Fr, PrestacionDesempleo, Requisitos),
    ("c est gratuit pour tout le monde l avocat", Fr, JusticiaGratuita, Requisitos),
    // French: problemas
    ("ils m ont refuse l imv", Fr, Imv, Problemas),
    ("on m a denegado l imv je fais quoi", Fr, Imv, Problemas),
    ("y a pas de cita previa pour le padron", Fr, Empadronamiento, Problemas),
    ("ils m ont refuse la justicia gratuita", Fr, JusticiaGratuita, Problemas),
    ("arraigo denegado que faire", Fr, Arraigo, Problemas),
    ("imv on me la refuse", Fr, Imv, Problemas),
    ("padron la mairie veut pa", Fr, Empadronamiento, Problemas),
    ("tarjeta sanitaria ils me la refuse", Fr, TarjetaSanitaria, Problemas),
    ("nie ya pa de rdv", Fr, NieTie, Problemas),
    ("arraigo refuse jfais koi", Fr, Arraigo, Problemas),
    ("asile refuse jfais koi", Fr, ProteccionInternacional, Problemas),
    ("paro on me la coupe", Fr, PrestacionDesempleo, Problemas),
    ("quelqu un me vend une cita pour le nie c normal?", Fr, NieTie, Problemas),
    ("a l hopital ils veulent me faire payer j ai pas la tarjeta sanitaria", Fr, TarjetaSanitaria, Problemas),
    ("l avocat commis d office il veut de l argent", Fr, JusticiaGratuita, Problemas),
    // English: documentos
    ("do i need my passport for the health card?", En, TarjetaSanitaria, Documentos),
    ("do i need photos for the nie?", En, NieTie, Documentos),
    ("arraigo documents list", En, Arraigo, Documentos),
    ("for arraigo i need criminal record from my country?", En, Arraigo, Documentos),
    ("for paro i need the company certificate?", En, PrestacionDesempleo, Documentos),
    ("do i need the dismissal letter for paro?", En, PrestacionDesempleo, Documentos),
    ("imv wat do i need to give", En, Imv, Documentos),
    ("tarjeta sanitaria wat i must take", En, TarjetaSanitaria, Documentos),
    // English: como_solicitar
    ("do i go to the health center for the card?", En, TarjetaSanitaria, ComoSolicitar),
    ("do i go to the court for legal aid?", En, JusticiaGratuita, ComoSolicitar),
    ("is it at the centro de salud i ask for tarjeta sanitaria?", En, TarjetaSanitaria, ComoSolicitar),
    ("who submits arraigo me or the boss", En, Arraigo, ComoSolicitar),
    ("do i ask free lawyer at court or colegio de abogados", En, JusticiaGratuita, ComoSolicitar),
    ("padron how 2 do it", En, Empadronamiento, ComoSolicitar),
    ("asylum how 2 ask", En, ProteccionInternacional, ComoSolicitar),
    ("what do i ask for to get the imv", En, Imv, ComoSolicitar),
    // English: plazos
    ("justicia gratuita time to answer", En, JusticiaGratuita, Plazos),
    ("the free lawyer never answers me", En, JusticiaGratuita, Plazos),
    ("the free lawyer answer is taking forever", En, JusticiaGratuita, Plazos),
    ("must i ask paro within 15 days?", En, PrestacionDesempleo, Plazos),
    ("paro when i get paid", En, PrestacionDesempleo, Plazos),
    // English: cuantia
    ("nie tasa expensive?", En, NieTie, Cuantia),
    ("tie is expensive?", En, NieTie, Cuantia),
    ("paro what percentage of salary", En, PrestacionDesempleo, Cuantia),
    // English: requisitos
    ("u need how many years in spain for imv", En, Imv, Requisitos),
    ("can i do the empadronamiento without rental contract", En, Empadronamiento, Requisitos),
    ("is the health card for tourists too", En, TarjetaSanitaria, Requisitos),
    ("arraigo how many years u need to be here", En, Arraigo, Requisitos),
    ("for arraigo do i need a job contract", En, Arraigo, Requisitos),
    ("asylum is accepted for venezuelans?", En, ProteccionInternacional, Requisitos),
    ("who gets the free lawyer", En, JusticiaGratuita, Requisitos),
    ("what is the income limit for free lawyer", En, JusticiaGratuita, Requisitos),
    ("how long i must work to get paro", En, PrestacionDesempleo, Requisitos),
    ("tourists can get tarjeta sanitaria?", En, TarjetaSanitaria, Requisitos),
    ("do i need to speak spanish for arraigo?", En, Arraigo, Requisitos),
    ("how many days u need to work for paro", En, PrestacionDesempleo, Requisitos),
    ("no lease can i do padron", En, Empadronamiento, Requisitos),
    ("free lawyer max salary", En, JusticiaGratuita, Requisitos),
    ("is the health card free for everyone", En, TarjetaSanitaria, Requisitos),
    ("how long do i need to have worked to get paro", En, PrestacionDesempleo, Requisitos),
    ("can tourists get the health card", En, TarjetaSanitaria, Requisitos),
    // English: problemas
    ("they denegado my imv", En, Imv, Problemas),
    ("no cita previa available for padron", En, Empadronamiento, Problemas),
    ("i got a refusal letter for arraigo", En, Arraigo, Problemas),
    ("they denegado my arraigo", En, Arraigo, Problemas),
    ("i cant get cita for nie", En, NieTie, Problemas),
    ("imv they refuse me", En, Imv, Problemas),
    ("tarjeta sanitaria they refuse me", En, TarjetaSanitaria, Problemas),
    ("someone is selling me a cita for the nie is it normal?", En, NieTie, Problemas),
    ("the court lawyer wants money from me", En, JusticiaGratuita, Problemas),
];

/// Second round, `(message, language, procedure, facet)`: questions for another part that hold
/// the second round's words ("ou jpeux demander" against `jpeux demander`, "je vais gagner
/// combien" against `faut gagner combien`, "quand meme" kept out of `requisitos`, "within spain",
/// "i have a job contract how do i apply"), answered so before those words, and still.
#[rustfmt::skip]
const SECOND_GUARDS: &[(&str, Lang, ProcedureId, Facet)] = &[
    // French: documentos
    ("quels papiers pour le padron si j ai pas de contrat", Fr, Empadronamiento, Documentos),
    ("quels documents je dois ramener pour le nie", Fr, NieTie, Documentos),
    ("quels documents pour l arraigo si on a le rapport d integration", Fr, Arraigo, Documentos),
    // French: como_solicitar
    ("comment avoir une cita pour le nie", Fr, NieTie, ComoSolicitar),
    ("je vis chez un ami comment m empadronar", Fr, Empadronamiento, ComoSolicitar),
    ("comment demander l imv quand meme si je travaille", Fr, Imv, ComoSolicitar),
    ("ou jpeux demander l imv", Fr, Imv, ComoSolicitar),
    ("comment jpeux demander l imv", Fr, Imv, ComoSolicitar),
    ("ou jpeux demander l asile svp", Fr, ProteccionInternacional, ComoSolicitar),
    // French: plazos
    ("combien de temps on peut toucher le chomage", Fr, PrestacionDesempleo, Plazos),
    ("ma demande d asile elle est acceptee pour combien de temps", Fr, ProteccionInternacional, Plazos),
    ("a partir de quelle date je peux renouveler le tie", Fr, NieTie, Plazos),
    ("ca fait 3 mois que j attends la reponse de l imv", Fr, Imv, Plazos),
    // French: cuantia
    ("combien je vais toucher avec le paro si j ai travaille 2 ans", Fr, PrestacionDesempleo, Cuantia),
    ("combien on touche avec l imv quand on est 4", Fr, Imv, Cuantia),
    ("combien je touche de paro par mois", Fr, PrestacionDesempleo, Cuantia),
    ("je vais gagner combien avec le paro", Fr, PrestacionDesempleo, Cuantia),
    ("combien je vais gagner au chomage", Fr, PrestacionDesempleo, Cuantia),
    // The photos' price is the amount ("et les photos", "and the photos" ask for the papers).
    ("combien coutent les photos pour le tie", Fr, NieTie, Cuantia),
    ("combien ca coute de refaire le tie perdu", Fr, NieTie, Cuantia),
    // French: requisitos
    ("je vis seul est ce que j ai droit a l imv", Fr, Imv, Requisitos),
    ("je peux avoir l arraigo avec un casier judiciaire", Fr, Arraigo, Requisitos),
    ("l imv c pour les gens sans papiers aussi?", Fr, Imv, Requisitos),
    ("je veux de l argent pour mes enfants j ai droit a l imv", Fr, Imv, Requisitos),
    // French: problemas
    ("j ai pas de cita et le site marche pas pour le nie", Fr, NieTie, Problemas),
    ("je touche plus l imv depuis 2 mois", Fr, Imv, Problemas),
    ("la cita du nie c impossible pas de cita", Fr, NieTie, Problemas),
    ("ils m ont refuse l imv comment faire", Fr, Imv, Problemas),
    // A paper lost or stolen that must be made again is a problem, not the deadlines.
    ("on m a vole mon tie faut le refaire?", Fr, NieTie, Problemas),
    ("j ai perdu mon tie faut le refaire?", Fr, NieTie, Problemas),
    ("on m a vole mon nie comment faire", Fr, NieTie, Problemas),
    // The landlord who refuses is the padrón's first problem, even with "can I still".
    ("mon proprio veut pas est ce que jpeux quand meme m inscrire au padron", Fr, Empadronamiento, Problemas),
    // English: documentos
    ("i have a job contract what documents for arraigo", En, Arraigo, Documentos),
    ("what documents do i need for nie if i have no appointment", En, NieTie, Documentos),
    ("what documents for padron without contract", En, Empadronamiento, Documentos),
    ("what do i need to bring to sepe for paro", En, PrestacionDesempleo, Documentos),
    // English: como_solicitar
    ("where can i do the photos for the nie", En, NieTie, ComoSolicitar),
    ("i have a job contract how do i apply for arraigo", En, Arraigo, ComoSolicitar),
    ("how do i get an appointment for the nie", En, NieTie, ComoSolicitar),
    ("where do i go to apply imv", En, Imv, ComoSolicitar),
    ("where do i ask for asylum", En, ProteccionInternacional, ComoSolicitar),
    ("how to apply imv online", En, Imv, ComoSolicitar),
    // English: plazos
    ("my asylum was accepted for 5 years when do i renew the card", En, ProteccionInternacional, Plazos),
    ("how many years is the tie valid", En, NieTie, Plazos),
    ("how many months can i get paro", En, PrestacionDesempleo, Plazos),
    ("i am waiting 4 months no answer from imv", En, Imv, Plazos),
    ("can i travel within spain with the red card how long", En, ProteccionInternacional, Plazos),
    ("when do they pay the imv each month", En, Imv, Plazos),
    // English: cuantia
    ("how much imv do i get if i dont work anymore", En, Imv, Cuantia),
    ("how much paro for someone who worked 2 years", En, PrestacionDesempleo, Cuantia),
    ("the tasa for the nie how much", En, NieTie, Cuantia),
    ("how much do i get paid with paro", En, PrestacionDesempleo, Cuantia),
    ("how much are the photos for the tie", En, NieTie, Cuantia),
    ("how much money do i get from paro", En, PrestacionDesempleo, Cuantia),
    // English: requisitos
    ("i have criminal record can i get arraigo", En, Arraigo, Requisitos),
    ("i dont work anymore can i get imv", En, Imv, Requisitos),
    ("i dont speak spanish can i get the health card", En, TarjetaSanitaria, Requisitos),
    ("i want money for my kids can i get the imv", En, Imv, Requisitos),
    // English: problemas
    ("how i can appeal the asylum refusal", En, ProteccionInternacional, Problemas),
    ("i have no appointment and the website doesnt work for nie", En, NieTie, Problemas),
    ("i dont live there anymore how do i change my padron", En, Empadronamiento, ComoSolicitar),
];

/// Second round: a part asked alone after a procedure answer ("faut le casier?", "need photos?",
/// "y a pas de cita", "is it long?", "how long do i need to have worked"). Each was answered
/// with another part, or with no procedure, before the words of that round.
#[rustfmt::skip]
const SECOND_FOLLOW_UPS: &[(ProcedureId, &str, Lang, Facet)] = &[
    (NieTie, "y a pas de cita", Fr, Problemas),
    (Arraigo, "faut combien d annees", Fr, Requisitos),
    (ProteccionInternacional, "jvais ou", Fr, ComoSolicitar),
    (JusticiaGratuita, "c pour tout le monde?", Fr, Requisitos),
    (PrestacionDesempleo, "je ramene quoi", Fr, Documentos),
    (PrestacionDesempleo, "faut avoir travaille combien", Fr, Requisitos),
    (Empadronamiento, "even without contract?", En, Requisitos),
    (JusticiaGratuita, "is it for everyone?", En, Requisitos),
    (PrestacionDesempleo, "how long do i need to have worked", En, Requisitos),
    (Empadronamiento, "faut le contrat?", Fr, Documentos),
    (NieTie, "faut des photos?", Fr, Documentos),
    (Arraigo, "faut le casier?", Fr, Documentos),
    (PrestacionDesempleo, "je le touche combien de temps", Fr, Plazos),
    (Empadronamiento, "i need the contract?", En, Documentos),
    (Empadronamiento, "no appointment", En, Problemas),
    (NieTie, "need photos?", En, Documentos),
    (Arraigo, "need criminal record?", En, Documentos),
    (Arraigo, "is it long?", En, Plazos),
    (Empadronamiento, "faut le refaire?", Fr, Plazos),
    (NieTie, "et les photos?", Fr, Documentos),
    (NieTie, "and the photos?", En, Documentos),
    (JusticiaGratuita, "ils veulent que je paye", Fr, Problemas),
];

/// "J'ai perdu mon travail": a job lost is the situation of a question about unemployment or the
/// IMV, not a lost paper. `j ai perdu` used to take the words after it for the problems part;
/// now only a paper lost is a problem (`j ai perdu ma`, `perdu mon nie`, `perdu mon passeport`),
/// and `perdu mon travail` is left to the unemployment benefit. Each was `problemas` before.
#[rustfmt::skip]
const JOB_LOST: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("j'ai perdu mon travail, j'ai droit au chomage ?", Fr, PrestacionDesempleo, Requisitos),
    ("j'ai perdu mon travail comment demander le chomage", Fr, PrestacionDesempleo, ComoSolicitar),
    ("j'ai perdu mon emploi je peux avoir l'imv", Fr, Imv, Requisitos),
];

/// A paper lost is still the problems part, whatever else is asked.
#[rustfmt::skip]
const PAPER_LOST: &[(&str, Lang, ProcedureId, Facet)] = &[
    ("j'ai perdu mon nie quels documents", Fr, NieTie, Problemas),
    ("j'ai perdu mon tie quels papiers", Fr, NieTie, Problemas),
    ("j'ai perdu mon nie comment faire", Fr, NieTie, Problemas),
    ("j'ai perdu ma carte sanitaire", Fr, TarjetaSanitaria, Problemas),
    ("j'ai perdu mon titre de sejour", Fr, NieTie, Problemas),
    ("j'ai perdu mon passeport quels documents pour le nie", Fr, NieTie, Problemas),
];

#[test]
fn the_part_asked_in_french_and_english_is_found() {
    answers::assert_parts("probes", PROBES);
    answers::assert_parts("second-round probes", SECOND_PROBES);
    answers::assert_parts("a job lost", JOB_LOST);
}

#[test]
fn the_new_words_do_not_take_another_part() {
    answers::assert_parts("guards", GUARDS);
    answers::assert_parts("second-round guards", SECOND_GUARDS);
    answers::assert_parts("a paper lost", PAPER_LOST);
}

#[test]
fn every_part_has_its_probes_in_french_and_english() {
    answers::assert_every_part_probed(PROBES, &[Fr, En], 8);
    answers::assert_every_part_probed(SECOND_PROBES, &[Fr, En], 2);
}

/// A part asked alone after a procedure answer is about that procedure: the same words pick it
/// ("c cb", "kes ki faut", "how i do", "is it free" after the NIE). Each was answered with
/// another part before the facet words of this round.
#[test]
fn a_follow_up_asked_alone_picks_its_part() {
    #[rustfmt::skip]
    let cases: &[(ProcedureId, &str, Lang, Facet)] = &[
        // No contract: the padrón's own conditions. ("pas de contrat" alone is not listed: with
        // "si je" it would outweigh "quels papiers" in a question for the documents.)
        (Empadronamiento, "jai pas de contrat", Fr, Requisitos),
        (Empadronamiento, "i have no contract", En, Requisitos),
        (Empadronamiento, "i dont have a contract", En, Requisitos),
        // Living on the street, being fired: the conditions; a card that expired: the deadlines.
        (Empadronamiento, "je vis dans la rue", Fr, Requisitos),
        (Empadronamiento, "i live on the street", En, Requisitos),
        (PrestacionDesempleo, "j'ai été licencié", Fr, Requisitos),
        (PrestacionDesempleo, "i got fired", En, Requisitos),
        (NieTie, "my card expired", En, Plazos),
        (NieTie, "c cb", Fr, Cuantia),
        (NieTie, "c payant?", Fr, Cuantia),
        (NieTie, "et le prix?", Fr, Cuantia),
        (NieTie, "il me faut koi", Fr, Documentos),
        (NieTie, "jai rate mon rdv", Fr, Problemas),
        (Imv, "on va ou", Fr, ComoSolicitar),
        (Imv, "c ou qu on depose", Fr, ComoSolicitar),
        (Imv, "on attend cmb", Fr, Plazos),
        (Imv, "ils me donnent cb", Fr, Cuantia),
        (Arraigo, "kes ki faut", Fr, Documentos),
        (Arraigo, "je dois faire quoi", Fr, ComoSolicitar),
        (Empadronamiento, "ki peut l avoir", Fr, Requisitos),
        (TarjetaSanitaria, "c long?", Fr, Plazos),
        (TarjetaSanitaria, "on s adresse a qui", Fr, ComoSolicitar),
        (ProteccionInternacional, "c pour ki", Fr, Requisitos),
        (PrestacionDesempleo, "ils me donnent combien", Fr, Cuantia),
        (PrestacionDesempleo, "ca va vite?", Fr, Plazos),
        (JusticiaGratuita, "qui je dois voir", Fr, ComoSolicitar),
        (JusticiaGratuita, "il fait rien", Fr, Problemas),
        (NieTie, "what paper i need", En, Documentos),
        (NieTie, "is it free", En, Cuantia),
        (NieTie, "what is the price", En, Cuantia),
        (NieTie, "i miss my appointment", En, Problemas),
        (Empadronamiento, "how i do", En, ComoSolicitar),
        (Empadronamiento, "is it quick", En, Plazos),
        (Imv, "they dont give me", En, Problemas),
        (Imv, "how much it take", En, Plazos),
        (Imv, "how old you must be", En, Requisitos),
        (ProteccionInternacional, "i can apply?", En, Requisitos),
        (TarjetaSanitaria, "everybody can have it?", En, Requisitos),
        (PrestacionDesempleo, "what day they pay", En, Plazos),
        (Arraigo, "what i should take", En, Documentos),
        (JusticiaGratuita, "who i talk to", En, ComoSolicitar),
        (JusticiaGratuita, "they not accept me", En, Problemas),
    ];
    answers::assert_follow_ups(cases);
    answers::assert_follow_ups(SECOND_FOLLOW_UPS);
}
