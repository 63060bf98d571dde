// Copy buttons for slogans: progressive enhancement, so the buttons exist only when this script runs.
// In each slogan item (li[data-copy-name], whose attribute is the button's accessible name) the element
// marked data-copy-source holds the text to copy, in the page's language; the list (ol[data-copy-label])
// carries the button text and the messages, so every word comes from the page, in its language. Messages are announced in one polite live region.
(function () {
  'use strict';
  var lists = document.querySelectorAll('ol.slogans[data-copy-label]');
  if (lists.length === 0) return;

  var status = document.createElement('p');
  status.className = 'visually-hidden copy-status';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  document.body.appendChild(status);

  function announce(message) {
    // Emptied first so that the same message twice in a row is announced twice.
    status.textContent = '';
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  // For pages not served over HTTPS (no Clipboard API) and browsers that refuse it: the old copy command.
  function copyWithSelection(text) {
    var field = document.createElement('textarea');
    field.value = text;
    field.setAttribute('readonly', '');
    field.className = 'copy-scratch';
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand('copy');
    } catch (e) {
      copied = false;
    }
    document.body.removeChild(field);
    return copied;
  }

  // When nothing could copy, the slogan is selected on the page so that the visitor can copy it by hand.
  function selectForHand(source) {
    var selection = window.getSelection();
    if (!selection) return;
    var range = document.createRange();
    range.selectNodeContents(source);
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithSelection(text); });
    }
    return Promise.resolve(copyWithSelection(text));
  }

  Array.prototype.forEach.call(lists, function (list) {
    var label = list.getAttribute('data-copy-label');
    var copiedMessage = list.getAttribute('data-copied');
    var failedMessage = list.getAttribute('data-copy-failed');
    Array.prototype.forEach.call(list.querySelectorAll('li[data-copy-name]'), function (item) {
      var source = item.querySelector('[data-copy-source]');
      if (!source) return;
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'copy-slogan';
      button.textContent = label;
      button.setAttribute('aria-label', item.getAttribute('data-copy-name'));
      var actions = item.querySelector('.slogan-actions') || item;
      actions.insertBefore(button, actions.firstChild);

      var reset;
      button.addEventListener('click', function () {
        copy(source.textContent.trim()).then(function (copied) {
          if (!copied) selectForHand(source);
          var message = copied ? copiedMessage : failedMessage;
          announce(message);
          // Sighted visitors see the outcome on the button for a moment.
          button.textContent = message;
          button.classList.toggle('copy-failed', !copied);
          window.clearTimeout(reset);
          reset = window.setTimeout(function () {
            button.textContent = label;
            button.classList.remove('copy-failed');
          }, copied ? 2000 : 6000);
        });
      });
    });
  });
})();
