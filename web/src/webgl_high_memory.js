// WebGL calls that read the wasm heap, taking the pointer as unsigned.
//
// Emscripten 3.1.6 hands wasm pointers to JavaScript as signed 32-bit numbers and its library_webgl.js
// passes them on as they come: once the heap holds more than 2 GiB (10 million posts), a buffer ImGui
// allocates above 2 GiB arrives as a negative offset, WebGL refuses it ("bufferSubData: srcOffset + length
// too large") and that draw list is not drawn (the post reader stayed empty after brushing at 10M). These
// are the WebGL 2 entry points Chorus uses with heap pointers (MIN_WEBGL_VERSION=2), as library_webgl.js
// writes them, with `>>> 0` on the pointer. Linked with --js-library (web/CMakeLists.txt), after the
// system libraries, so these definitions replace theirs.
mergeInto(LibraryManager.library, {
  glBufferSubData__sig: 'viiii',
  glBufferSubData: function(target, offset, size, data) {
    GLctx.bufferSubData(target, offset, HEAPU8, data >>> 0, size);
  },

  glBufferData__sig: 'viiii',
  glBufferData: function(target, size, data, usage) {
    if (data) {
      GLctx.bufferData(target, HEAPU8, usage, data >>> 0, size);
    } else {
      GLctx.bufferData(target, size, usage);
    }
  },

  glTexImage2D__sig: 'viiiiiiiii',
  glTexImage2D__deps: ['$heapObjectForWebGLType', '$heapAccessShiftForWebGLHeap'],
  glTexImage2D: function(target, level, internalFormat, width, height, border, format, type, pixels) {
    if (GLctx.currentPixelUnpackBufferBinding) {
      GLctx.texImage2D(target, level, internalFormat, width, height, border, format, type, pixels);
    } else if (pixels) {
      var heap = heapObjectForWebGLType(type);
      GLctx.texImage2D(target, level, internalFormat, width, height, border, format, type, heap,
                       (pixels >>> 0) >>> heapAccessShiftForWebGLHeap(heap));
    } else {
      GLctx.texImage2D(target, level, internalFormat, width, height, border, format, type, null);
    }
  },

  glReadPixels__sig: 'viiiiiii',
  glReadPixels__deps: ['$heapObjectForWebGLType', '$heapAccessShiftForWebGLHeap'],
  glReadPixels: function(x, y, width, height, format, type, pixels) {
    if (GLctx.currentPixelPackBufferBinding) {
      GLctx.readPixels(x, y, width, height, format, type, pixels);
    } else {
      var heap = heapObjectForWebGLType(type);
      GLctx.readPixels(x, y, width, height, format, type, heap, (pixels >>> 0) >>> heapAccessShiftForWebGLHeap(heap));
    }
  },
});
