// Chorus page input: what the canvas alone cannot take from the browser.
//
// Text: a canvas gets key events, not text, so accents typed with dead keys, IME composition
// (Japanese, Chinese, Korean...) and the emoji picker would never reach ImGui. While an ImGui text
// field is active (io.WantTextInput) a hidden <textarea> has the focus instead of the canvas: the
// browser composes into it, and each committed piece of text (`input` outside a composition,
// `compositionend`) goes to the module (chorus_text_input) and the textarea is emptied again.
// Keys that are not text (arrows, Enter, Backspace, Ctrl+A...) still reach ImGui through the key
// events web/src/input.cpp reads; it leaves the text keys to this textarea, so nothing arrives twice.
//
// Right-to-left posts: ImGui does not shape Arabic or Hebrew, so the post selected in the reader,
// when it holds such text, is shown in an HTML element (dir="auto", the post's lang) laid over the
// reader's text rectangle, where the browser shapes it (showPost / hidePost, web/src/page_elements.cpp).
//
// Links: openLink(url) opens a post's original address in a new tab, without an opener or a
// referrer; the module calls it only in the frame after the user clicked that link.
//
// Touch: a tap is already a click (the browser follows it with the mouse events input.cpp reads,
// and the input queue keeps their press and release apart). Two fingers pinching over the canvas
// become wheel notches at their midpoint, so the timeline zooms around them (one notch per 25%).
//
// The module calls window.chorusPageInput.attach(Module) once it runs (web/src/input.cpp) and
// textInput(want, x, y, lineHeight) each frame where the wish changes or the caret moves.
'use strict';

(() => {
  const canvas = document.getElementById('canvas');
  const field = document.createElement('textarea');
  field.id = 'text-input';
  field.setAttribute('aria-label', 'Text of the active field');
  field.setAttribute('autocomplete', 'off');
  field.setAttribute('autocorrect', 'off');
  field.setAttribute('autocapitalize', 'off');
  field.spellcheck = false;
  field.rows = 1;
  field.tabIndex = -1;
  // Invisible but focusable, and where the caret is, so an IME opens its candidates beside it.
  // (Set through the CSSOM: the page's CSP allows no inline style attribute.)
  Object.assign(field.style, {
    position: 'fixed', left: '0px', top: '0px', width: '2px', height: '16px', padding: '0', border: '0',
    margin: '0', opacity: '0', resize: 'none', overflow: 'hidden', caretColor: 'transparent',
    pointerEvents: 'none', zIndex: '0', background: 'transparent', color: 'transparent',
  });
  document.body.appendChild(field);

  let sendText = null;   // the module's chorus_text_input, once attached
  let wanted = false;
  let composing = false;

  function commit(text) {
    if (text && sendText) sendText(text);
  }

  field.addEventListener('compositionstart', () => { composing = true; });
  field.addEventListener('compositionend', (event) => {
    composing = false;
    commit(event.data || field.value);
    field.value = '';
  });
  field.addEventListener('input', (event) => {
    if (composing || event.isComposing) return;   // compositionend brings the committed text
    commit(field.value);
    field.value = '';
  });
  // A paste into the field is text like any other; the page's own paste handler (chorus.js) takes
  // pastes while the canvas has the focus.
  field.addEventListener('paste', (event) => {
    const text = event.clipboardData && event.clipboardData.getData('text/plain');
    event.preventDefault();
    if (text) commit(text.slice(0, 65536));
  });
  // A click on the canvas takes the focus from the field; while ImGui keeps a text field active
  // (a click inside it moves the caret) the field takes it back. A click that ends the editing
  // makes ImGui say so next frame, and textInput(false) leaves the focus on the canvas.
  canvas.addEventListener('mouseup', () => {
    if (wanted) setTimeout(() => { if (wanted) field.focus({ preventScroll: true }); }, 0);
  });

  // --- pinch to zoom -------------------------------------------------------------
  const PINCH_STEP = 1.25;   // the timeline's zoom per wheel notch
  let pinch = null;          // {distance} at the last notch
  const spread = (touches) => {
    const [a, b] = [touches[0], touches[1]];
    return { distance: Math.hypot(a.clientX - b.clientX, a.clientY - b.clientY) || 1,
      x: (a.clientX + b.clientX) / 2, y: (a.clientY + b.clientY) / 2 };
  };
  canvas.addEventListener('touchstart', (event) => {
    pinch = event.touches.length === 2 ? { distance: spread(event.touches).distance } : null;
  }, { passive: true });
  canvas.addEventListener('touchmove', (event) => {
    if (!pinch || event.touches.length !== 2) return;
    event.preventDefault();
    const now = spread(event.touches);
    const steps = Math.trunc(Math.log(now.distance / pinch.distance) / Math.log(PINCH_STEP));
    if (steps === 0) return;
    pinch.distance *= PINCH_STEP ** steps;
    // Fingers apart: zoom in, as a wheel turned towards the screen (negative deltaY) does.
    canvas.dispatchEvent(new WheelEvent('wheel', {
      deltaY: -100 * steps, deltaMode: WheelEvent.DOM_DELTA_PIXEL, clientX: now.x, clientY: now.y,
      bubbles: true, cancelable: true,
    }));
  }, { passive: false });
  const endPinch = (event) => { if (event.touches.length < 2) pinch = null; };
  canvas.addEventListener('touchend', endPinch, { passive: true });
  canvas.addEventListener('touchcancel', endPinch, { passive: true });

  // --- the right-to-left post -------------------------------------------------
  const post = document.createElement('div');
  post.id = 'post-overlay';
  post.dir = 'auto';
  post.hidden = true;
  Object.assign(post.style, {
    position: 'fixed', margin: '0', padding: '0', overflow: 'hidden', pointerEvents: 'none', zIndex: '1',
    whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', unicodeBidi: 'plaintext', boxSizing: 'border-box',
    fontFamily: '"Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", system-ui, sans-serif',
  });
  document.body.appendChild(post);
  const cssColour = (abgr) => `rgba(${abgr & 255}, ${(abgr >>> 8) & 255}, ${(abgr >>> 16) & 255}, ${((abgr >>> 24) & 255) / 255})`;

  const pageInput = {
    showPost(text, lang, x, y, width, height, background, ink, lineHeight) {
      post.textContent = text;
      if (lang) post.lang = lang; else post.removeAttribute('lang');
      Object.assign(post.style, {
        left: `${x}px`, top: `${y}px`, width: `${width}px`, height: `${height}px`,
        background: cssColour(background), color: cssColour(ink),
        // The em of the glyphs the page draws for the atlas (drawGlyphs in chorus.js), a little smaller
        // so that the three lines of the row hold as much as ImGui shows.
        fontSize: `${lineHeight * 0.85}px`, lineHeight: `${lineHeight}px`,
      });
      post.hidden = false;
    },
    hidePost() {
      post.hidden = true;
      post.textContent = '';
    },
    openLink(url) {
      if (/^https?:\/\//.test(url)) window.open(url, '_blank', 'noopener,noreferrer');
    },
    attach(module) {
      sendText = module.cwrap('chorus_text_input', null, ['string']);
    },
    // want: an ImGui text field is active; x, y: its caret in CSS pixels (IME windows open there).
    textInput(want, x, y, lineHeight) {
      if (want) {
        field.style.left = `${Math.max(0, x)}px`;
        field.style.top = `${Math.max(0, y)}px`;
        field.style.height = `${Math.max(1, lineHeight)}px`;
        if (document.activeElement !== field) field.focus({ preventScroll: true });
      } else if (wanted || document.activeElement === field) {
        composing = false;
        field.value = '';
        if (document.activeElement === field) canvas.focus({ preventScroll: true });
      }
      wanted = want;
    },
  };
  window.chorusPageInput = pageInput;
})();
