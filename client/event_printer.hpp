#pragma once
// What township-client watch prints for each event of the change feed: one line, in Chinese (default) or
// English: the commit time in China time, the seq, what happened (新建户档案, 县级审批, 发布公示, …), where, and
// the few summary fields a clerk looks for. Kinds, actions and states are shown with the labels of
// common/vocabulary.hpp; what this client does not know is shown as its code, never dropped.
#include <string>

#include "client/event_stream.hpp"
#include "common/api_error.hpp"

namespace fupin::client {

class event_printer {
public:
    explicit event_printer(common::language lang) : lang_(lang) {}

    // "2026-06-20 10:00:00  #12  县级审批  石门镇 岩脚村(529901100201)  案件 7  王大山  乡镇已审核 → 县扶贫办已审批\n"
    std::string line(const feed_event& e) const;

    // 新建户档案, 修改户档案, the procedure action's label for application.<action>, 发布公示, 下达名额, 设定扶贫标准.
    std::string kind_label(const std::string& kind) const;

    // The notice on stderr when the connection dropped and the stream reconnects by itself.
    std::string interruption(const feed_interruption& i) const;

    // "2026-06-20T02:00:00.000Z" → "2026-06-20 10:00:00" (China time); the text itself when it is not that form.
    static std::string china_time(const std::string& at);

private:
    std::string area(const feed_event& e) const;
    std::string details(const feed_event& e) const;

    common::language lang_;
};

}  // namespace fupin::client
