#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace xmw::ui {

enum class VideoFormat {
    Mp4, // H.264 (libx264) in MP4: plays everywhere, slides and web pages included
    WebM, // VP9 (libvpx) in WebM: open formats, for the web
    Gif, // 256 colours, no player needed: chat, wikis, e-mail
};

// The format a file name asks for (.mp4, .webm or .gif, any case); nothing for another.
[[nodiscard]] std::optional<VideoFormat> videoFormatForPath(const std::filesystem::path &path);
[[nodiscard]] const char *fileSuffix(VideoFormat format); // "mp4", "webm", "gif"

// The FFmpeg the videos are written with (for Help ▸ About): its version, and its licence as its
// build says (Debian's, with x264, is GPL version 2 or later).
[[nodiscard]] std::string ffmpegVersion();
[[nodiscard]] std::string ffmpegLicence();

struct VideoSettings {
    int width = 1280, height = 720; // even, for the video formats' 4:2:0 chroma
    int framesPerSecond = 10;
    VideoFormat format = VideoFormat::Mp4;
};

// Writes frames into a video file through FFmpeg's libraries. The file is written under a
// temporary name beside the target and renamed only by finish(): a failure, a cancel or a crash
// leaves no half-written video under the asked-for name, and the destructor removes the partial one.
// Errors are std::runtime_error naming the file and what went wrong.
class VideoWriter {
public:
    VideoWriter(std::filesystem::path path, const VideoSettings &settings);
    ~VideoWriter();
    VideoWriter(const VideoWriter &) = delete;
    VideoWriter &operator=(const VideoWriter &) = delete;

    // One frame of RGBA8888 pixels (alpha ignored) of the settings' size; `stride` bytes per row.
    void addFrame(const std::uint8_t *rgba, int stride);
    // Flushes the encoder, closes the file and gives it its name.
    void finish();

    [[nodiscard]] int framesWritten() const;
    // The encoder used ("libx264", "libvpx-vp9", "gif").
    [[nodiscard]] std::string encoderName() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace xmw::ui
