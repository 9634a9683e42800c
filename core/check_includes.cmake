# Fails when a file of core/ includes a UI, browser or GL header (see ../shared STYLE: core knows none of them).
file(GLOB_RECURSE files "${DIR}/*.hpp" "${DIR}/*.cpp" "${DIR}/*.h")
foreach(f ${files})
  file(STRINGS "${f}" bad REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"](imgui|emscripten|GL/|GLES|GLFW|EGL|webgl)")
  if(bad)
    message(FATAL_ERROR "core/ must not include UI, browser or GL headers: ${f}: ${bad}")
  endif()
endforeach()
