#pragma once
// A page's reads of the server, one out at a time: asked again while one is out, it reads once more when that one
// is answered, however often it was asked meanwhile. The feed names changes faster than a slow line answers, and
// its reads must not pile up on the worker ahead of the clerk's own requests.
namespace fupin::desktop {

class one_read_at_a_time {
public:
    // True: send the read now. False: one is out; it will be read again after it.
    bool start() {
        if (out_) {
            again_ = true;
            return false;
        }
        out_ = true;
        return true;
    }
    // The read was answered (or failed). True: read again now, for what was asked meanwhile.
    bool finish() {
        out_ = false;
        const bool again = again_;
        again_ = false;
        return again;
    }
    bool out() const { return out_; }

private:
    bool out_ = false;
    bool again_ = false;
};

}  // namespace fupin::desktop
