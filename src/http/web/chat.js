// Clara web chat: plain JavaScript, no build step, no dependencies.
//
// Talks to POST /api/chat ({"text", "lang"?} -> {"answer", "note", "intent", "facet", "lang",
// "source", "audio_url"}; "note" is null unless the question names a place outside Madrid).
// Every text, the user's and Clara's, is put in the page as DOM text nodes; no string is ever
// parsed as HTML, so nothing typed or answered can become markup. Nothing is stored: no cookies,
// no web storage; the conversation lives in this page until it is closed.
(function () {
  'use strict';

  var LANGS = ['es', 'fr', 'en', 'ar'];

  // The interface in Clara's four languages. The Spanish texts are also in index.html, so the page
  // reads correctly before this script runs.
  var UI = {
    es: {
      title: 'Clara: trámites sociales paso a paso',
      tagline: 'IMV, empadronamiento y tarjeta sanitaria, paso a paso.',
      language: 'Idioma',
      disclaimer: 'Clara te orienta, pero no es asesoría legal. Tus mensajes no se guardan.',
      conversation: 'Conversación',
      clara: 'Clara',
      you: 'Tú',
      intro: 'Hola, soy Clara. Pregúntame cómo pedir el Ingreso Mínimo Vital, cómo empadronarte o cómo conseguir la tarjeta sanitaria.',
      suggestions: 'Preguntas frecuentes',
      ask_imv: '¿Qué es el IMV?',
      ask_padron: '¿Cómo me empadrono?',
      ask_tarjeta: '¿Cómo consigo la tarjeta sanitaria?',
      label: 'Escribe tu pregunta',
      placeholder: 'Ej.: ¿qué papeles pide el IMV?',
      hint: 'Intro envía; Mayúsculas + Intro añade una línea.',
      send: 'Enviar',
      thinking: 'Clara está escribiendo…',
      empty: 'Escribe una pregunta antes de enviar.',
      error: 'No he podido contactar con Clara. Comprueba tu conexión e inténtalo de nuevo.',
      listen: 'Escuchar la respuesta',
      download: 'Descargar el audio'
    },
    fr: {
      title: 'Clara : démarches sociales pas à pas',
      tagline: 'IMV, empadronamiento et carte de santé, pas à pas.',
      language: 'Langue',
      disclaimer: 'Clara vous oriente, mais ce n’est pas un conseil juridique. Vos messages ne sont pas conservés.',
      conversation: 'Conversation',
      clara: 'Clara',
      you: 'Vous',
      intro: 'Bonjour, je suis Clara. Demandez-moi comment obtenir l’Ingreso Mínimo Vital, comment vous inscrire au padrón (empadronamiento) ou comment obtenir la carte de santé (tarjeta sanitaria).',
      suggestions: 'Questions fréquentes',
      ask_imv: 'Qu’est-ce que l’IMV ?',
      ask_padron: 'Comment m’inscrire au padrón ?',
      ask_tarjeta: 'Comment obtenir la tarjeta sanitaria ?',
      label: 'Écrivez votre question',
      placeholder: 'Ex. : quels papiers pour l’IMV ?',
      hint: 'Entrée envoie ; Maj + Entrée ajoute une ligne.',
      send: 'Envoyer',
      thinking: 'Clara écrit…',
      empty: 'Écrivez une question avant d’envoyer.',
      error: 'Impossible de joindre Clara. Vérifiez votre connexion et réessayez.',
      listen: 'Écouter la réponse',
      download: 'Télécharger l’audio'
    },
    en: {
      title: 'Clara: social paperwork in Spain, step by step',
      tagline: 'IMV, padrón registration and health card, step by step.',
      language: 'Language',
      disclaimer: 'Clara gives guidance, not legal advice. Your messages are not stored.',
      conversation: 'Conversation',
      clara: 'Clara',
      you: 'You',
      intro: 'Hello, I am Clara. Ask me how to apply for the Ingreso Mínimo Vital, how to register at the town hall (empadronamiento) or how to get the health card (tarjeta sanitaria).',
      suggestions: 'Common questions',
      ask_imv: 'What is the IMV?',
      ask_padron: 'How do I register at the town hall?',
      ask_tarjeta: 'How do I get the health card?',
      label: 'Type your question',
      placeholder: 'E.g. which papers for the IMV?',
      hint: 'Enter sends; Shift + Enter adds a line.',
      send: 'Send',
      thinking: 'Clara is writing…',
      empty: 'Type a question before sending.',
      error: 'Could not reach Clara. Check your connection and try again.',
      listen: 'Listen to the answer',
      download: 'Download the audio'
    },
    ar: {
      title: 'كلارا: الإجراءات الاجتماعية خطوة بخطوة',
      tagline: 'الحد الأدنى للدخل (IMV)، والتسجيل في البلدية، والبطاقة الصحية، خطوة بخطوة.',
      language: 'اللغة',
      disclaimer: 'كلارا تقدم إرشادات، وليست استشارة قانونية. رسائلك لا تُحفظ.',
      conversation: 'المحادثة',
      clara: 'كلارا',
      you: 'أنت',
      intro: 'مرحبا، أنا كلارا. اسألني كيف تطلب الحد الأدنى للدخل (Ingreso Mínimo Vital)، أو كيف تسجل في البلدية (empadronamiento)، أو كيف تحصل على البطاقة الصحية (tarjeta sanitaria).',
      suggestions: 'أسئلة شائعة',
      ask_imv: 'ما هو IMV؟',
      ask_padron: 'كيف أسجل في البلدية؟',
      ask_tarjeta: 'كيف أحصل على البطاقة الصحية؟',
      label: 'اكتب سؤالك',
      placeholder: 'مثلا: ما هي وثائق IMV؟',
      hint: 'زر الإدخال (Enter) يرسل، و Shift مع Enter يضيف سطرا.',
      send: 'إرسال',
      thinking: 'كلارا تكتب…',
      empty: 'اكتب سؤالا قبل الإرسال.',
      error: 'تعذر الاتصال بكلارا. تحقق من اتصالك وحاول مرة أخرى.',
      listen: 'استمع إلى الجواب',
      download: 'تنزيل الملف الصوتي'
    }
  };

  // How long to wait for an answer before saying Clara could not be reached.
  var TIMEOUT_MS = 20000;

  var state = {
    lang: 'es',
    // Whether the person chose the language (switcher or ?lang=). Only then is it sent to Clara;
    // otherwise Clara answers in the language the question is written in.
    chosen: false,
    busy: false,
    // A random id for this page's conversation, in memory only (no storage, no cookie): Clara
    // remembers the language and the procedure under it for 30 minutes, so "2" or "and the
    // papers?" work as on WhatsApp. A reload starts a new conversation.
    conversation: conversationId()
  };

  function conversationId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) {
      return ('0' + b.toString(16)).slice(-2);
    }).join('');
  }

  var el = {};

  function t(key) {
    var table = UI[state.lang] || UI.es;
    return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : UI.es[key];
  }

  function dirOf(lang) {
    return lang === 'ar' ? 'rtl' : 'ltr';
  }

  function initialLang() {
    var asked = null;
    try {
      asked = new URLSearchParams(window.location.search).get('lang');
    } catch (e) {
      asked = null;
    }
    if (asked && LANGS.indexOf(asked) !== -1) {
      return { lang: asked, chosen: true };
    }
    var wanted = navigator.languages || [navigator.language || 'es'];
    for (var i = 0; i < wanted.length; i++) {
      var code = String(wanted[i] || '').slice(0, 2).toLowerCase();
      if (LANGS.indexOf(code) !== -1) {
        return { lang: code, chosen: false };
      }
    }
    return { lang: 'es', chosen: false };
  }

  // Puts the interface texts of the current language in place, and lang/dir on <html>.
  function applyLang() {
    var root = document.documentElement;
    root.lang = state.lang;
    root.dir = dirOf(state.lang);
    document.title = t('title');
    var nodes = document.querySelectorAll('[data-i18n]');
    for (var i = 0; i < nodes.length; i++) {
      nodes[i].textContent = t(nodes[i].getAttribute('data-i18n'));
    }
    var holders = document.querySelectorAll('[data-i18n-placeholder]');
    for (var j = 0; j < holders.length; j++) {
      holders[j].setAttribute('placeholder', t(holders[j].getAttribute('data-i18n-placeholder')));
    }
    var chips = document.querySelectorAll('[data-ask]');
    for (var k = 0; k < chips.length; k++) {
      chips[k].textContent = t(chips[k].getAttribute('data-ask'));
    }
    var intro = document.querySelector('.intro');
    if (intro) {
      intro.lang = state.lang;
      intro.dir = dirOf(state.lang);
    }
    el.select.value = state.lang;
  }

  // WhatsApp formatting (*bold*, _italic_) as <strong>/<em>, everything else as text nodes.
  var FORMAT = /\*([^*\s](?:[^*\n]*[^*\s])?)\*|_([^_\s](?:[^_\n]*[^_\s])?)_/g;

  function appendFormatted(parent, text) {
    var last = 0;
    var match;
    FORMAT.lastIndex = 0;
    while ((match = FORMAT.exec(text)) !== null) {
      if (match.index > last) {
        parent.appendChild(document.createTextNode(text.slice(last, match.index)));
      }
      var node = document.createElement(match[1] !== undefined ? 'strong' : 'em');
      node.textContent = match[1] !== undefined ? match[1] : match[2];
      parent.appendChild(node);
      last = FORMAT.lastIndex;
    }
    if (last < text.length) {
      parent.appendChild(document.createTextNode(text.slice(last)));
    }
  }

  var URL_RE = /https?:\/\/[^\s<>"'`]+/g;
  // Punctuation that ends a sentence rather than a URL.
  var URL_TAIL = /[.,;:!?)\]}»”'*_]+$/;

  // The URL as an absolute http(s) href, or null (javascript:, data: and the like are refused).
  function safeHref(candidate, base) {
    try {
      var url = base ? new URL(candidate, base) : new URL(candidate);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  // Answer text with its links made clickable: the text is split around each URL and every
  // piece becomes a text node, a <strong>/<em>, or an <a> whose href is a checked http(s) URL.
  function appendRich(parent, text) {
    var last = 0;
    var match;
    URL_RE.lastIndex = 0;
    while ((match = URL_RE.exec(text)) !== null) {
      var raw = match[0].replace(URL_TAIL, '');
      var href = safeHref(raw);
      if (!href) {
        continue;
      }
      appendFormatted(parent, text.slice(last, match.index));
      var a = document.createElement('a');
      a.href = href;
      a.textContent = raw;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
      a.dir = 'ltr';
      parent.appendChild(a);
      last = match.index + raw.length;
      URL_RE.lastIndex = last;
    }
    appendFormatted(parent, text.slice(last));
  }

  function bubble(kind, whoText) {
    var box = document.createElement('div');
    box.className = 'msg msg-' + kind;
    var who = document.createElement('p');
    who.className = 'who';
    who.textContent = whoText;
    box.appendChild(who);
    return box;
  }

  function addUser(text) {
    var box = bubble('user', t('you'));
    var p = document.createElement('p');
    p.className = 'text';
    p.dir = 'auto';
    p.textContent = text;
    box.appendChild(p);
    el.log.appendChild(box);
    reveal(box);
  }

  function addAnswer(data) {
    var lang = LANGS.indexOf(data.lang) !== -1 ? data.lang : state.lang;
    var box = bubble('clara', t('clara'));
    var p = document.createElement('p');
    p.className = 'text';
    p.lang = lang;
    p.dir = dirOf(lang);
    appendRich(p, String(data.answer || ''));
    box.appendChild(p);
    var audio = typeof data.audio_url === 'string' && data.audio_url
      ? safeHref(data.audio_url, window.location.href)
      : null;
    if (audio) {
      var player = document.createElement('audio');
      player.controls = true;
      player.preload = 'none';
      player.src = audio;
      player.setAttribute('aria-label', t('listen'));
      var fallback = document.createElement('a');
      fallback.href = audio;
      fallback.textContent = t('download');
      player.appendChild(fallback);
      box.appendChild(player);
    }
    el.log.appendChild(box);
    // After a procedure answer to a question that names a place outside Madrid: offices and
    // some rules differ there. A second bubble, as on WhatsApp.
    if (typeof data.note === 'string' && data.note) {
      var noteBox = bubble('clara', t('clara'));
      var note = document.createElement('p');
      note.className = 'text note';
      note.lang = lang;
      note.dir = dirOf(lang);
      note.textContent = data.note;
      noteBox.appendChild(note);
      el.log.appendChild(noteBox);
    }
    reveal(box);
  }

  // Shows the start of a new answer (long answers are read from the top). The conversation
  // scrolls on its own, except on short screens where the whole page does.
  function reveal(box) {
    if (window.getComputedStyle(el.chat).overflowY === 'visible') {
      box.scrollIntoView({ block: 'start' });
    } else {
      el.chat.scrollTop = Math.max(0, box.offsetTop - 8);
    }
  }

  function addError(text) {
    var box = bubble('error', t('clara'));
    var p = document.createElement('p');
    p.className = 'text';
    p.textContent = text;
    box.appendChild(p);
    el.log.appendChild(box);
    reveal(box);
  }

  function setBusy(busy) {
    state.busy = busy;
    el.send.setAttribute('aria-disabled', busy ? 'true' : 'false');
    el.status.textContent = busy ? t('thinking') : '';
  }

  function ask(text) {
    var question = text.trim();
    if (!question) {
      el.status.textContent = t('empty');
      el.input.focus();
      return;
    }
    if (state.busy) {
      return;
    }
    addUser(question);
    el.suggestions.hidden = true;
    setBusy(true);
    var payload = { text: question, conversation: state.conversation };
    if (state.chosen) {
      payload.lang = state.lang;
    }
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : null;
    fetch('/api/chat', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify(payload),
      credentials: 'same-origin',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        setBusy(false);
        addAnswer(data);
      })
      .catch(function () {
        setBusy(false);
        addError(t('error'));
        // Give the question back, so trying again is one key press.
        if (!el.input.value) {
          el.input.value = question;
        }
      })
      .then(function () {
        if (timer) {
          clearTimeout(timer);
        }
      });
  }

  function start() {
    el.select = document.getElementById('lang');
    el.log = document.getElementById('log');
    el.chat = document.getElementById('main');
    el.form = document.getElementById('ask');
    el.input = document.getElementById('question');
    el.send = document.getElementById('send');
    el.status = document.getElementById('status');
    el.suggestions = document.getElementById('suggestions');

    var initial = initialLang();
    state.lang = initial.lang;
    state.chosen = initial.chosen;
    applyLang();

    el.select.addEventListener('change', function () {
      if (LANGS.indexOf(el.select.value) === -1) {
        return;
      }
      state.lang = el.select.value;
      state.chosen = true;
      applyLang();
      try {
        var url = new URL(window.location.href);
        url.searchParams.set('lang', state.lang);
        window.history.replaceState(null, '', url.pathname + url.search);
      } catch (e) {
        // Older browsers: the language still switches, the address just does not say so.
      }
    });

    function submit() {
      var text = el.input.value;
      if (text.trim() && !state.busy) {
        el.input.value = '';
      }
      ask(text);
      el.input.focus();
    }

    el.form.addEventListener('submit', function (event) {
      event.preventDefault();
      submit();
    });

    // Enter sends, Shift + Enter starts a new line (not while an input method is composing).
    el.input.addEventListener('keydown', function (event) {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        submit();
      }
    });

    el.suggestions.addEventListener('click', function (event) {
      var chip = event.target.closest('[data-ask]');
      if (chip) {
        ask(chip.textContent);
        el.input.focus();
      }
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
