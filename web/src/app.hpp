// App: what the page keeps alive between frames (the session and its explorer).
//
// main() creates the one App; the exported C functions reach it through
// TheApp(), which is nullptr until then.
#pragma once

#include "explorer.hpp"
#include "session.hpp"

namespace chorus::web {

struct App {
    shell::Session session;
    shell::Explorer explorer{session};
};

App* TheApp();

}  // namespace chorus::web
