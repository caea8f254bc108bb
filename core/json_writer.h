#pragma once

#include <cmath>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace xmw {

// Writes compact, valid JSON by appending to a string; the caller keeps the nesting straight.
// Non-finite numbers become null (JSON has no NaN).
class JsonWriter {
public:
    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }

    JsonWriter &key(std::string_view name)
    {
        separate();
        appendString(name);
        out_ += ':';
        afterKey_ = true;
        return *this;
    }
    JsonWriter &value(std::string_view text)
    {
        separate();
        appendString(text);
        return *this;
    }
    JsonWriter &value(const char *text) { return value(std::string_view(text)); }
    JsonWriter &value(double number)
    {
        separate();
        if (!std::isfinite(number)) {
            out_ += "null";
        } else {
            char buffer[32];
            std::snprintf(buffer, sizeof buffer, "%.10g", number);
            out_ += buffer;
        }
        return *this;
    }
    JsonWriter &value(int number) { return value(double(number)); }
    JsonWriter &value(bool flag)
    {
        separate();
        out_ += flag ? "true" : "false";
        return *this;
    }
    JsonWriter &null()
    {
        separate();
        out_ += "null";
        return *this;
    }

    [[nodiscard]] const std::string &str() const { return out_; }

private:
    JsonWriter &open(char c)
    {
        separate();
        out_ += c;
        first_.push_back(true);
        return *this;
    }
    JsonWriter &close(char c)
    {
        out_ += c;
        first_.pop_back();
        return *this;
    }
    void separate()
    {
        if (afterKey_) {
            afterKey_ = false;
            return;
        }
        if (!first_.empty()) {
            if (!first_.back())
                out_ += ',';
            first_.back() = false;
        }
    }
    void appendString(std::string_view text)
    {
        out_ += '"';
        for (const char c : text) {
            switch (c) {
            case '"': out_ += "\\\""; break;
            case '\\': out_ += "\\\\"; break;
            case '\n': out_ += "\\n"; break;
            case '\t': out_ += "\\t"; break;
            case '\r': out_ += "\\r"; break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
                    out_ += buffer;
                } else {
                    out_ += c;
                }
            }
        }
        out_ += '"';
    }

    std::string out_;
    std::vector<bool> first_;
    bool afterKey_ = false;
};

} // namespace xmw
