#include "ui/animation/video_writer.h"

#include "ui/animation/gif_palette.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/avutil.h>
#include <libavutil/imgutils.h>
#include <libavutil/opt.h>
#include <libswscale/swscale.h>
}

#include <algorithm>
#include <cctype>
#include <cstring>
#include <mutex>
#include <random>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <utility>

namespace xmw::ui {

std::optional<VideoFormat> videoFormatForPath(const std::filesystem::path &path)
{
    std::string suffix = path.extension().string();
    std::transform(suffix.begin(), suffix.end(), suffix.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (suffix == ".mp4")
        return VideoFormat::Mp4;
    if (suffix == ".webm")
        return VideoFormat::WebM;
    if (suffix == ".gif")
        return VideoFormat::Gif;
    return std::nullopt;
}

const char *fileSuffix(VideoFormat format)
{
    switch (format) {
    case VideoFormat::Mp4: return "mp4";
    case VideoFormat::WebM: return "webm";
    case VideoFormat::Gif: return "gif";
    }
    return "";
}

std::string ffmpegVersion() { return av_version_info(); }

std::string ffmpegLicence() { return avcodec_license(); }

namespace {

std::string avError(int code)
{
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(code, text, sizeof text);
    return text;
}

const char *encoderFor(VideoFormat format)
{
    switch (format) {
    case VideoFormat::Mp4: return "libx264";
    case VideoFormat::WebM: return "libvpx-vp9";
    case VideoFormat::Gif: return "gif";
    }
    return "";
}

// A name beside the target that no one else uses: renaming within a folder is atomic.
std::filesystem::path partialPathFor(const std::filesystem::path &path)
{
    std::random_device random;
    std::string name(1, '.');
    name.append(path.filename().string()).append(1, '.').append(std::to_string(random() % 1000000)).append(".part");
    return path.parent_path() / name;
}

} // namespace

struct VideoWriter::Impl {
    std::filesystem::path path, partial;
    VideoSettings settings;
    AVFormatContext *container = nullptr;
    AVCodecContext *codec = nullptr;
    AVStream *stream = nullptr;
    AVFrame *frame = nullptr;
    AVPacket *packet = nullptr;
    SwsContext *scaler = nullptr;
    std::optional<GifPalette> palette;
    int frames = 0;
    bool finished = false;

    [[noreturn]] void fail(const std::string &what, int code = 0) const
    {
        throw std::runtime_error(path.string() + ": " + what + (code < 0 ? ": " + avError(code) : std::string()));
    }
    void check(int code, const std::string &what) const
    {
        if (code < 0)
            fail(what, code);
    }

    void open()
    {
        const AVOutputFormat *format = av_guess_format(nullptr, path.filename().string().c_str(), nullptr);
        if (!format)
            fail("no container format for this file name");
        check(avformat_alloc_output_context2(&container, format, nullptr, partial.string().c_str()), "cannot make the container");
        const AVCodec *encoder = avcodec_find_encoder_by_name(encoderFor(settings.format));
        if (!encoder)
            fail(std::string("this FFmpeg has no ") + encoderFor(settings.format) + " encoder");
        stream = avformat_new_stream(container, nullptr);
        codec = avcodec_alloc_context3(encoder);
        if (!stream || !codec)
            fail("out of memory");
        codec->width = settings.width;
        codec->height = settings.height;
        codec->time_base = AVRational{1, settings.framesPerSecond};
        codec->framerate = AVRational{settings.framesPerSecond, 1};
        codec->thread_count = int(std::max(1u, std::thread::hardware_concurrency()));
        if (settings.format == VideoFormat::Gif) {
            codec->pix_fmt = AV_PIX_FMT_PAL8;
        } else {
            codec->pix_fmt = AV_PIX_FMT_YUV420P;
            codec->colorspace = AVCOL_SPC_SMPTE170M; // what swscale's RGB to YUV conversion uses
            codec->color_range = AVCOL_RANGE_MPEG;
            codec->gop_size = std::max(1, settings.framesPerSecond * 2); // a seekable point every 2 s
        }
        if (settings.format == VideoFormat::Mp4) {
            av_opt_set(codec->priv_data, "preset", "fast", 0);
            av_opt_set(codec->priv_data, "crf", "20", 0); // sharp enough for cell edges and text
        } else if (settings.format == VideoFormat::WebM) {
            codec->bit_rate = 0; // constant quality
            av_opt_set(codec->priv_data, "crf", "30", 0);
            av_opt_set(codec->priv_data, "deadline", "good", 0);
            av_opt_set(codec->priv_data, "cpu-used", "5", 0); // VP9's default speed is minutes per second of video
            av_opt_set(codec->priv_data, "row-mt", "1", 0);
        }
        if (container->oformat->flags & AVFMT_GLOBALHEADER)
            codec->flags |= AV_CODEC_FLAG_GLOBAL_HEADER;
        check(avcodec_open2(codec, encoder, nullptr), std::string("cannot open the ") + encoder->name + " encoder");
        check(avcodec_parameters_from_context(stream->codecpar, codec), "cannot describe the stream");
        stream->time_base = codec->time_base;
        stream->avg_frame_rate = codec->framerate;

        frame = av_frame_alloc();
        packet = av_packet_alloc();
        if (!frame || !packet)
            fail("out of memory");
        frame->format = codec->pix_fmt;
        frame->width = settings.width;
        frame->height = settings.height;
        check(av_frame_get_buffer(frame, 0), "cannot allocate a frame");
        if (settings.format != VideoFormat::Gif) {
            scaler = sws_getContext(settings.width, settings.height, AV_PIX_FMT_RGBA, settings.width, settings.height, AV_PIX_FMT_YUV420P,
                                    SWS_BICUBIC, nullptr, nullptr, nullptr);
            if (!scaler)
                fail("cannot convert RGB to YUV at this size");
        }
        check(avio_open(&container->pb, partial.string().c_str(), AVIO_FLAG_WRITE), "cannot write " + partial.string());
        check(avformat_write_header(container, nullptr), "cannot write the header");
    }

    // Sends a frame (or the end, for null) and writes what the encoder hands back.
    void encode(AVFrame *input)
    {
        check(avcodec_send_frame(codec, input), "the encoder refused a frame");
        for (;;) {
            const int got = avcodec_receive_packet(codec, packet);
            if (got == AVERROR(EAGAIN) || got == AVERROR_EOF)
                return;
            check(got, "the encoder failed");
            av_packet_rescale_ts(packet, codec->time_base, stream->time_base);
            packet->stream_index = stream->index;
            check(av_interleaved_write_frame(container, packet), "cannot write");
        }
    }

    void close()
    {
        sws_freeContext(std::exchange(scaler, nullptr));
        av_packet_free(&packet);
        av_frame_free(&frame);
        avcodec_free_context(&codec);
        if (container) {
            if (container->pb)
                avio_closep(&container->pb);
            avformat_free_context(std::exchange(container, nullptr));
        }
    }
};

VideoWriter::VideoWriter(std::filesystem::path path, const VideoSettings &settings)
    : impl_(std::make_unique<Impl>())
{
    impl_->path = std::move(path);
    impl_->settings = settings;
    if (settings.width < 16 || settings.height < 16 || settings.width > 7680 || settings.height > 4320)
        impl_->fail("a video is 16×16 to 7680×4320 pixels; asked for " + std::to_string(settings.width) + "×" +
                    std::to_string(settings.height));
    if (settings.format != VideoFormat::Gif && (settings.width % 2 != 0 || settings.height % 2 != 0))
        impl_->fail("MP4 and WebM need an even width and height");
    if (settings.framesPerSecond < 1 || settings.framesPerSecond > 60)
        impl_->fail("1 to 60 frames per second");
    static std::once_flag quiet;
    std::call_once(quiet, [] { av_log_set_level(AV_LOG_ERROR); }); // not the encoders' statistics on every export
    impl_->partial = partialPathFor(impl_->path);
    try {
        impl_->open();
    } catch (...) {
        impl_->close();
        std::error_code ignored;
        std::filesystem::remove(impl_->partial, ignored);
        throw;
    }
}

VideoWriter::~VideoWriter()
{
    impl_->close();
    if (!impl_->finished) {
        std::error_code ignored;
        std::filesystem::remove(impl_->partial, ignored);
    }
}

void VideoWriter::addFrame(const std::uint8_t *rgba, int stride)
{
    Impl &d = *impl_;
    if (d.finished || !d.codec)
        d.fail("the video is closed");
    d.check(av_frame_make_writable(d.frame), "cannot reuse a frame");
    if (d.settings.format == VideoFormat::Gif) {
        if (!d.palette)
            d.palette.emplace(rgba, d.settings.width, d.settings.height, stride);
        d.palette->map(rgba, d.settings.width, d.settings.height, stride, d.frame->data[0], d.frame->linesize[0]);
        std::memcpy(d.frame->data[1], d.palette->colours().data(), AVPALETTE_SIZE);
    } else {
        const std::uint8_t *planes[1] = {rgba};
        const int strides[1] = {stride};
        sws_scale(d.scaler, planes, strides, 0, d.settings.height, d.frame->data, d.frame->linesize);
    }
    d.frame->pts = d.frames;
    d.encode(d.frame);
    ++d.frames;
}

void VideoWriter::finish()
{
    Impl &d = *impl_;
    if (d.finished)
        return;
    if (d.frames == 0)
        d.fail("no frames to write");
    d.encode(nullptr);
    d.check(av_write_trailer(d.container), "cannot finish the file");
    d.check(avio_closep(&d.container->pb), "cannot close " + d.partial.string());
    d.close();
    std::error_code error;
    std::filesystem::rename(d.partial, d.path, error);
    if (error) {
        const std::string why = error.message();
        std::filesystem::remove(d.partial, error);
        d.fail("cannot give the file its name: " + why);
    }
    d.finished = true;
}

int VideoWriter::framesWritten() const { return impl_->frames; }

std::string VideoWriter::encoderName() const { return encoderFor(impl_->settings.format); }

} // namespace xmw::ui
