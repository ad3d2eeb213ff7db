#pragma once
// The two languages a person may read: Chinese by default, English on request. Every text a clerk reads is
// written in both at the place that says it; `in` picks one.
#include <string>

namespace fupin::common {

enum class language { zh, en };

// Picks English only when asked ("en", "en-US", "en;q=…"), Chinese otherwise.
language language_from_accept_language(const std::string& header);

// The text in `lang`: the one translation helper of the printers and commands.
inline const char* in(language lang, const char* zh, const char* en) { return lang == language::en ? en : zh; }

}  // namespace fupin::common
