// 朗读 / Read aloud, the 长辈模式's speech reading: reads the page's main text, or the text the visitor selected,
// with the browser's own speech synthesis in the page's language, with pause, resume and stop.
// Only a voice on this device is used (localService): a network voice would send the page's text to another host.
// The control is built from the <template id="read-aloud"> of ReadAloud.razor, and only when such a voice exists:
// without JavaScript, without speech synthesis or without a voice for the language there is no control at all.
// site.css shows it in the age-friendly mode only.
(function () {
  'use strict';
  var template = document.getElementById('read-aloud');
  if (!template || !('speechSynthesis' in window) || typeof SpeechSynthesisUtterance !== 'function') return;
  var synth = window.speechSynthesis;
  // Text the reader should not hear: controls, hidden and decorative parts, charts (their table beside them is read).
  var skipped = 'button, script, style, template, svg, [hidden], [aria-hidden="true"], .visually-hidden, .slogan-actions';
  var longest = 160; // characters per utterance: some engines stop a long one midway
  var control = null;
  var run = 0; // the current reading; events of a cancelled one are ignored
  var selectedBeforeClick = null;

  // The voice language for text marked lang="zh-Hans" is mainland Mandarin (zh-CN); for lang="en", any English.
  function speechLanguage(lang) {
    return /^zh\b/i.test(lang) ? 'zh-CN' : lang.split('-')[0].toLowerCase();
  }

  function localVoice(language) {
    var wanted = language.toLowerCase();
    var voices = synth.getVoices();
    for (var i = 0; i < voices.length; i++) {
      var code = voices[i].lang.replace(/_/g, '-').toLowerCase();
      if (voices[i].localService && (code === wanted || code.indexOf(wanted + '-') === 0)) return voices[i];
    }
    return null;
  }

  var pageLanguage = speechLanguage(document.documentElement.lang);

  function button(action) {
    return control.querySelector('[data-read-aloud="' + action + '"]');
  }

  // idle: only 朗读; speaking: 暂停 and 停止; paused: 继续 and 停止. Focus on a button that goes moves to the one
  // that takes its place, so a keyboard user is never left on nothing.
  function show(state) {
    var visible = { start: true, pause: state === 'speaking', resume: state === 'paused', stop: state !== 'idle' };
    var focused = document.activeElement;
    var replacement = { pause: 'resume', resume: 'pause', stop: 'start' };
    Object.keys(visible).forEach(function (action) { button(action).hidden = !visible[action]; });
    if (focused && control.contains(focused) && focused.hidden) {
      var next = button(replacement[focused.getAttribute('data-read-aloud')]);
      (next.hidden ? button('start') : next).focus();
    }
  }

  // Pieces of at most `longest` characters, cut after the ends of sentences where possible.
  function pieces(text) {
    var sentences = text.match(/[^。！？；!?;]+[。！？；!?;]*|[。！？；!?;]+/g) || [];
    var result = [];
    var current = '';
    sentences.forEach(function (sentence) {
      if (current && (current + sentence).length > longest) { result.push(current.trim()); current = ''; }
      while (sentence.length > longest) { result.push(sentence.slice(0, longest)); sentence = sentence.slice(longest); }
      current += sentence;
    });
    if (current.trim()) result.push(current.trim());
    return result;
  }

  function blockOf(element, main) {
    while (element !== main && /^(inline|contents)/.test(getComputedStyle(element).display)) element = element.parentElement;
    return element;
  }

  function languageOf(node) {
    var marked = (node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement).closest('[lang]');
    return speechLanguage(marked ? marked.lang : document.documentElement.lang);
  }

  // The main text as the page shows it: one text per block (heading, paragraph, list item, cell) and language, in order.
  function mainTexts() {
    var main = document.querySelector('main');
    if (!main) return [];
    var texts = [];
    var current = { block: null, language: null, text: '' };
    var walker = document.createTreeWalker(main, NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (parent.closest(skipped) || (parent.checkVisibility && !parent.checkVisibility())) continue;
      var block = blockOf(parent, main);
      var language = languageOf(parent);
      if (block !== current.block || language !== current.language) {
        texts.push(current);
        current = { block: block, language: language, text: '' };
      }
      current.text += node.data;
    }
    texts.push(current);
    return texts.filter(function (t) { return t.text.trim(); });
  }

  // The selection as texts in the language of where it starts; nothing when nothing (or only the control) is selected.
  function selectedTexts() {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed || control.contains(selection.anchorNode)) return null;
    var language = languageOf(selection.anchorNode);
    return selection.toString().split(/\n+/).map(function (text) { return { language: language, text: text }; });
  }

  // Text in a language this device has no voice for (a Chinese notice on an English page without a Chinese
  // voice) is left out: another language's voice would only garble it.
  function read(selected) {
    run++;
    var thisRun = run;
    synth.cancel();
    var utterances = [];
    (selected || mainTexts()).forEach(function (text) {
      var voice = localVoice(text.language);
      if (!voice) return;
      pieces(text.text.replace(/\s+/g, ' ').trim()).forEach(function (piece) {
        var utterance = new SpeechSynthesisUtterance(piece);
        utterance.lang = text.language;
        utterance.voice = voice;
        utterances.push(utterance);
      });
    });
    if (!utterances.length) return;
    var last = utterances[utterances.length - 1];
    function finished() { if (thisRun === run) show('idle'); }
    last.addEventListener('end', finished);
    last.addEventListener('error', finished);
    utterances.forEach(function (utterance) { synth.speak(utterance); });
    show('speaking');
  }

  function stop() {
    run++;
    synth.cancel();
    show('idle');
  }

  function build() {
    template.after(template.content.cloneNode(true));
    control = template.nextElementSibling;
    var start = button('start');
    // A click would clear the selection before it is read: keep what was selected when the button was pressed.
    start.addEventListener('pointerdown', function () { selectedBeforeClick = selectedTexts(); });
    start.addEventListener('click', function () {
      var selected = selectedBeforeClick || selectedTexts();
      selectedBeforeClick = null;
      read(selected);
    });
    button('pause').addEventListener('click', function () { synth.pause(); show('paused'); });
    button('resume').addEventListener('click', function () { synth.resume(); show('speaking'); });
    button('stop').addEventListener('click', stop);
    show('idle');

    // Turning the mode off, or leaving the page, ends the reading.
    var modeSwitch = document.getElementById('age-friendly');
    if (modeSwitch) modeSwitch.addEventListener('change', function () { if (!modeSwitch.checked) stop(); });
    window.addEventListener('pagehide', stop);
  }

  // Voices load asynchronously in some browsers: offer the control as soon as one for the page's language is there.
  function offer() {
    if (!control && localVoice(pageLanguage)) build();
  }
  offer();
  if (synth.addEventListener) synth.addEventListener('voiceschanged', offer);
})();
