#pragma once
// A file the server answers with (a printed document, an export, a chart), saved where the clerk said or under
// the server's name, and the checks and message around it: one way for every command that saves one.
#include <iosfwd>
#include <string>

#include "client/api_client.hpp"
#include "client/command_context.hpp"
#include "common/language.hpp"

namespace fupin::client {

// The file name a document is saved under when none is given: the server's (Content-Disposition) when it is
// a plain name ([A-Za-z0-9._-], no leading dot), else `fallback`. Never a path.
std::string document_file_name(const std::string* content_disposition, const std::string& fallback);

// Before connecting: whether the folder of `output` (the current one when empty) can take a file. Prints why
// not and returns exit_usage; exit_ok when it can.
int check_output_folder(const std::string& output, std::ostream& err, common::language lang);

// GET target, the answer written as it arrives (never held in memory) beside its place and renamed over it once
// whole, under `output` or the server's name: a failed fetch or write leaves no half file. Prints "已保存：…"
// or, with --json, {"file","bytes","content_type"}. A refusal throws client_error; a file that cannot be
// written, unwritable_file.
int download(const command_context& c, const std::string& target, const std::string& output);

}  // namespace fupin::client
