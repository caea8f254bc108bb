#include "ui/globe/globe_view.h"

#include "ui/globe/basemap.h"
#include "ui/globe/globe_geometry.h"

#include <QBackingStore>
#include <QImage>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOpenGLContext>
#include <QOpenGLFunctions>
#include <QOpenGLWindow>
#include <QPainter>
#include <QResizeEvent>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>
#include <QVariantAnimation>
#include <QWheelEvent>

#include <vtkActor.h>
#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkObjectFactory.h>
#include <vtkOpenGLState.h>
#include <vtkOpenGLTexture.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTextActor.h>
#include <vtkTextProperty.h>
#include <vtkUnsignedCharArray.h>

#include <cmath>
#include <utility>

namespace xmw::ui {

namespace {

constexpr int kBasemapWidth = 1440;
constexpr double kGraticuleStepDeg = 30.0;
constexpr double kKeyRotateDeg = 10.0;
constexpr double kKeyZoomFactor = 0.8;
constexpr double kWheelZoomPerNotch = 0.85;
// Changes closer together than this are one motion (a drag, a flight, the date playing at up to
// about four days a second); the still picture is drawn once this long has passed without one.
constexpr int kMotionGapMs = 300;

// Opaque on purpose: translucent lines go through VTK's depth-peeling pass, which leaves
// speckles on Mesa; a pale colour reads as well.
vtkSmartPointer<vtkActor> makeLineActor(vtkPolyData *lines, double r, double g, double b, float width)
{
    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(lines);
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    actor->GetProperty()->SetColor(r, g, b);
    actor->GetProperty()->SetLineWidth(width);
    actor->GetProperty()->LightingOff();
    return actor;
}

// The globe's texture is opaque by construction (SurfacePicture). Said so here, because VTK would
// otherwise read the alpha of every texel after each change to find out, on the GUI thread.
class OpaqueTexture : public vtkOpenGLTexture {
public:
    static OpaqueTexture *New();
    vtkTypeMacro(OpaqueTexture, vtkOpenGLTexture) int IsTranslucent() override { return 0; }

protected:
    OpaqueTexture() = default;
    ~OpaqueTexture() override = default;
};

vtkStandardNewMacro(OpaqueTexture);

} // namespace

struct GlobeView::Scene {
    vtkNew<vtkGenericOpenGLRenderWindow> window;
    vtkNew<vtkRenderer> renderer;
    vtkNew<OpaqueTexture> surfaceTexture;
    vtkNew<vtkActor> earth;
    vtkSmartPointer<vtkActor> graticule;
    vtkSmartPointer<vtkActor> coastlines;
    vtkNew<vtkActor> markers; // towers, as round points
    vtkNew<vtkActor> halos; // behind selected towers
    std::vector<vtkSmartPointer<vtkTextActor>> labels; // one per marker, placed in display pixels

    Scene()
    {
        vtkNew<vtkPolyDataMapper> earthMapper;
        earthMapper->SetInputData(makeGlobeMesh(90, 180));
        surfaceTexture->InterpolateOff(); // cells stay crisp: each one is a value, not a blend
        surfaceTexture->RepeatOff();
        surfaceTexture->EdgeClampOn();
        earth->SetMapper(earthMapper);
        earth->SetTexture(surfaceTexture);
        // The headlight follows the camera and ambient light dominates: the view centre shows
        // colours exactly and the limb keeps 70 % of them, so data values are never shaded away.
        earth->GetProperty()->SetAmbient(0.7);
        earth->GetProperty()->SetDiffuse(0.3);
        earth->GetProperty()->SetSpecular(0.0);

        graticule = makeLineActor(makeGraticule(kGraticuleStepDeg, 1.0015), 0.93, 0.95, 0.97, 1.0f);
        coastlines = makeLineActor(makeCoastlineOutlines(geo::Coastlines::builtIn(), 1.002), 0.22, 0.24, 0.27, 1.2f);

        renderer->AddActor(earth);
        renderer->AddActor(graticule);
        renderer->AddActor(coastlines);
        for (vtkActor *points : {halos.Get(), markers.Get()}) {
            points->GetProperty()->SetRepresentationToPoints();
            points->GetProperty()->RenderPointsAsSpheresOn();
            points->GetProperty()->LightingOff();
            renderer->AddActor(points);
        }
        markers->GetProperty()->SetPointSize(9.0f);
        halos->GetProperty()->SetPointSize(17.0f);
        halos->GetProperty()->RenderPointsAsSpheresOff(); // a sphere impostor this big would bulge over its marker
        halos->GetProperty()->SetColor(1.0, 1.0, 1.0);
        renderer->GradientBackgroundOn();
        renderer->SetBackground(0.04, 0.07, 0.12);
        renderer->SetBackground2(0.13, 0.19, 0.28);
        renderer->UseFXAAOn();
        renderer->GetActiveCamera()->SetViewAngle(GlobeCamera::kFieldOfViewDeg);

        window->AddRenderer(renderer);
        window->SetMultiSamples(0); // FXAA does the antialiasing; Qt owns the framebuffer
    }
};

// The native window VTK draws into. It takes no input (clicks and the wheel go through it to the
// GlobeView underneath), and hands painting back to the view.
class GlobeView::GlWindow : public QOpenGLWindow {
public:
    explicit GlWindow(GlobeView *view)
        : QOpenGLWindow(QOpenGLWindow::NoPartialUpdate)
        , view_(view)
    {
        setFlag(Qt::WindowTransparentForInput);
    }

protected:
    void initializeGL() override { view_->initializeGL(); }
    void paintGL() override { view_->paintGL(); }

private:
    GlobeView *view_;
};

GlobeView::GlobeView(QWidget *parent)
    : QWidget(parent)
    , scene_(std::make_unique<Scene>())
    , glWindow_(new GlWindow(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setMinimumSize(200, 200);
    setAttribute(Qt::WA_OpaquePaintEvent); // on screen the surface covers it all
    container_ = QWidget::createWindowContainer(glWindow_, this);
    container_->setAttribute(Qt::WA_TransparentForMouseEvents);
    container_->setFocusPolicy(Qt::NoFocus);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(container_);
    connect(glWindow_, &QOpenGLWindow::frameSwapped, this, &GlobeView::frameSwapped);

    // VTK renders into whatever framebuffer Qt has bound for the native window, and asks us, through
    // these two events, to make our context current or to tell whether it is.
    vtkGenericOpenGLRenderWindow *window = scene_->window;
    window->SetOwnContext(false);
    window->SetFrameBlitModeToBlitToCurrent();
    vtkNew<vtkCallbackCommand> makeCurrent;
    makeCurrent->SetClientData(this);
    makeCurrent->SetCallback([](vtkObject *, unsigned long, void *self, void *) {
        // QOpenGLWindow::makeCurrent() also binds the window's framebuffer. Doing that while VTK
        // renders would pull the binding from under VTK's state cache, and VTK would then attach
        // its own buffers to ours: only switch when another context is current.
        auto *view = static_cast<GlobeView *>(self);
        if (view->glWindow_ && view->glWindow_->context() && QOpenGLContext::currentContext() != view->glWindow_->context())
            view->glWindow_->makeCurrent();
    });
    window->AddObserver(vtkCommand::WindowMakeCurrentEvent, makeCurrent);
    vtkNew<vtkCallbackCommand> isCurrent;
    isCurrent->SetClientData(this);
    isCurrent->SetCallback([](vtkObject *, unsigned long, void *self, void *answer) {
        const auto *view = static_cast<GlobeView *>(self);
        const QOpenGLContext *context = view->glWindow_ ? view->glWindow_->context() : nullptr;
        *static_cast<bool *>(answer) = context && QOpenGLContext::currentContext() == context;
    });
    window->AddObserver(vtkCommand::WindowIsCurrentEvent, isCurrent);

    settleTimer_ = new QTimer(this);
    settleTimer_->setSingleShot(true);
    settleTimer_->setInterval(kMotionGapMs);
    connect(settleTimer_, &QTimer::timeout, this, &GlobeView::settle);

    setSurfaceImage(makeBasemap(kBasemapWidth));
    applyCamera();
    settle(); // setting up is not a motion
    sinceChange_.invalidate();
}

GlobeView::~GlobeView()
{
    // The surface and its context go first, while the scene can still let go of its GL objects;
    // after that VTK must not reach for them.
    if (glWindow_->context())
        disconnect(glWindow_->context(), nullptr, this, nullptr);
    releaseGraphics();
    scene_->window->RemoveAllObservers();
    delete std::exchange(container_, nullptr);
    glWindow_ = nullptr;
}

QSurfaceFormat GlobeView::surfaceFormat()
{
    QSurfaceFormat format;
    format.setRenderableType(QSurfaceFormat::OpenGL);
    format.setVersion(3, 2);
    format.setProfile(QSurfaceFormat::CoreProfile);
    format.setDepthBufferSize(24);
    format.setStencilBufferSize(8);
    return format;
}

void GlobeView::setSurfaceImage(const QImage &image)
{
    surface_ = image;
    showPicture(SurfacePicture(image));
}

void GlobeView::showPicture(const SurfacePicture &picture)
{
    // The texture reads the picture's bytes in place: keep the old ones until it has let go of them.
    const SurfacePicture previous = std::exchange(displayed_, picture.isNull() ? SurfacePicture(surface_) : picture);
    scene_->surfaceTexture->SetInputData(wrapTexture(displayed_.texture()));
    noteMotion();
    requestRender();
    Q_EMIT displayedImageChanged();
}

void GlobeView::setCenter(geo::GeoPoint center)
{
    camera_.setCenter(center);
    applyCamera();
}

void GlobeView::flyTo(geo::GeoPoint center, double distance, int milliseconds)
{
    if (!flight_) {
        flight_ = new QVariantAnimation(this);
        flight_->setEasingCurve(QEasingCurve::InOutCubic);
    }
    flight_->stop();
    flight_->disconnect(this);
    const geo::GeoPoint from = camera_.center();
    const double fromDistance = camera_.distance();
    double eastward = center.lon - from.lon; // the shorter way round
    if (eastward > 180.0)
        eastward -= 360.0;
    else if (eastward < -180.0)
        eastward += 360.0;
    // A little out and back in on long flights, so the viewer sees where the camera goes.
    const double arc = std::hypot(eastward, center.lat - from.lat);
    const double lift = std::min(1.0, arc / 120.0) * 0.8;
    connect(flight_, &QVariantAnimation::valueChanged, this, [=, this](const QVariant &value) {
        const double t = value.toDouble();
        double lon = from.lon + eastward * t;
        lon = std::remainder(lon, 360.0);
        camera_.setCenter({from.lat + (center.lat - from.lat) * t, lon});
        camera_.setDistance(fromDistance + (distance - fromDistance) * t + lift * 4.0 * t * (1.0 - t));
        applyCamera();
    });
    flight_->setStartValue(0.0);
    flight_->setEndValue(1.0);
    flight_->setDuration(std::max(1, milliseconds));
    flight_->start();
}

bool GlobeView::isFlying() const { return flight_ && flight_->state() == QAbstractAnimation::Running; }

void GlobeView::setDistance(double distance)
{
    camera_.setDistance(distance);
    applyCamera();
}

void GlobeView::rotateBy(double eastDeg, double northDeg)
{
    camera_.rotateBy(eastDeg, northDeg);
    applyCamera();
}

void GlobeView::zoomBy(double factor)
{
    camera_.zoomBy(factor);
    applyCamera();
}

void GlobeView::resetView()
{
    camera_.reset();
    applyCamera();
}

namespace {

// Points floating just above the surface, as vertices, with optional per-point colours.
vtkSmartPointer<vtkPolyData> markerPoints(const std::vector<GlobeMarker> &markers, const QStringList *only, bool withColours, double radius)
{
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> vertices;
    vtkNew<vtkUnsignedCharArray> colours;
    colours->SetNumberOfComponents(3);
    for (const GlobeMarker &m : markers) {
        if (only && !only->contains(m.id))
            continue;
        const Vec3 p = toCartesian(m.position, radius);
        const vtkIdType id = points->InsertNextPoint(p.x, p.y, p.z);
        vertices->InsertNextCell(1, &id);
        const unsigned char rgb[3] = {static_cast<unsigned char>(m.colour.red()), static_cast<unsigned char>(m.colour.green()),
                                      static_cast<unsigned char>(m.colour.blue())};
        colours->InsertNextTypedTuple(rgb);
    }
    auto data = vtkSmartPointer<vtkPolyData>::New();
    data->SetPoints(points);
    data->SetVerts(vertices);
    if (withColours)
        data->GetPointData()->SetScalars(colours);
    return data;
}

} // namespace

void GlobeView::setMarkers(const std::vector<GlobeMarker> &markers)
{
    markers_ = markers;
    selected_.clear();
    updateMarkerActors();
}

void GlobeView::setSelectedMarkers(const QStringList &ids)
{
    selected_ = ids;
    updateMarkerActors();
}

void GlobeView::updateMarkerActors()
{
    const auto mapperFor = [](vtkSmartPointer<vtkPolyData> data) {
        vtkNew<vtkPolyDataMapper> mapper;
        mapper->SetInputData(data);
        return mapper;
    };
    // Just above the surface, so that towers behind the horizon do not peek past the limb; halos a
    // little lower than the markers, so that the depth test keeps each marker on top.
    scene_->markers->SetMapper(mapperFor(markerPoints(markers_, nullptr, true, 1.002)));
    scene_->halos->SetMapper(mapperFor(markerPoints(markers_, &selected_, false, 1.001)));
    scene_->markers->SetVisibility(!markers_.empty());
    scene_->halos->SetVisibility(!selected_.isEmpty());
    for (const auto &label : scene_->labels)
        scene_->renderer->RemoveActor2D(label);
    scene_->labels.clear();
    for (const GlobeMarker &m : markers_) {
        vtkNew<vtkTextActor> label;
        label->SetInput(m.id.toUtf8().constData());
        vtkTextProperty *text = label->GetTextProperty();
        text->SetColor(1.0, 1.0, 1.0);
        text->ShadowOn(); // readable on light land and dark ocean alike
        text->SetVerticalJustificationToCentered();
        label->SetVisibility(false);
        scene_->renderer->AddActor2D(label);
        scene_->labels.emplace_back(label);
    }
    placeLabels();
    requestRender();
}

void GlobeView::setLabelsVisible(bool visible)
{
    labelsVisible_ = visible;
    placeLabels();
    requestRender();
}

// Labels are 2-D actors: they follow the markers' projected pixels and hide on the far side.
void GlobeView::placeLabels()
{
    const qreal ratio = devicePixelRatioF();
    for (std::size_t i = 0; i < scene_->labels.size() && i < markers_.size(); ++i) {
        vtkTextActor *label = scene_->labels[i];
        const auto at = labelsVisible_ ? camera_.project(markers_[i].position) : std::nullopt;
        label->SetVisibility(at.has_value());
        if (!at)
            continue;
        label->GetTextProperty()->SetFontSize(int(std::lround(11 * ratio)));
        label->SetDisplayPosition(int(std::lround((at->x + 7) * ratio)), int(std::lround((height() - at->y) * ratio)));
    }
}

const GlobeMarker *GlobeView::markerAt(QPoint pixel) const
{
    constexpr double kReachPixels = 7.0;
    const GlobeMarker *nearest = nullptr;
    double best = kReachPixels * kReachPixels;
    for (const GlobeMarker &m : markers_) {
        const auto at = camera_.project(m.position);
        if (!at)
            continue;
        const double dx = at->x - (pixel.x() + 0.5), dy = at->y - (pixel.y() + 0.5);
        if (dx * dx + dy * dy <= best) {
            best = dx * dx + dy * dy;
            nearest = &m;
        }
    }
    return nearest;
}

std::optional<geo::GeoPoint> GlobeView::pick(QPoint pixel) const { return camera_.pick({pixel.x() + 0.5, pixel.y() + 0.5}); }

std::optional<QPoint> GlobeView::project(geo::GeoPoint p) const
{
    const auto screen = camera_.project(p);
    if (!screen)
        return std::nullopt;
    return QPoint(int(std::floor(screen->x)), int(std::floor(screen->y)));
}

void GlobeView::requestRender() { glWindow_->update(); }

// FXAA is the costliest pass of a frame without a GPU (Mesa's software renderer spends more on it
// than on the rest of the scene), and in motion the eye does not miss it.
void GlobeView::noteMotion()
{
    if (sinceChange_.isValid() && sinceChange_.elapsed() < kMotionGapMs) {
        moving_ = true;
        settleTimer_->start();
    }
    sinceChange_.start();
}

void GlobeView::settle()
{
    settleTimer_->stop();
    if (std::exchange(moving_, false))
        requestRender();
}

void GlobeView::applyCamera()
{
    vtkCamera *camera = scene_->renderer->GetActiveCamera();
    const Vec3 eye = camera_.eye();
    const Vec3 up = camera_.viewUp();
    camera->SetFocalPoint(0.0, 0.0, 0.0);
    camera->SetPosition(eye.x, eye.y, eye.z);
    camera->SetViewUp(up.x, up.y, up.z);
    // Near plane just in front of the globe's near side, far plane behind its centre.
    camera->SetClippingRange(std::max(0.01, camera_.distance() - 1.05), camera_.distance() + 0.2);
    placeLabels();
    noteMotion();
    requestRender();
    Q_EMIT viewChanged();
}

void GlobeView::initializeGL()
{
    connect(glWindow_->context(), &QOpenGLContext::aboutToBeDestroyed, this, &GlobeView::releaseGraphics, Qt::UniqueConnection);
    scene_->window->SetReadyForRendering(true);
    scene_->window->OpenGLInitContext();
}

// Picking must work before the first frame too (and without a GL context), so the camera
// follows the widget's size here rather than in resizeGL.
void GlobeView::resizeEvent(QResizeEvent *event)
{
    camera_.setViewport(event->size().width(), event->size().height());
    applyCamera();
    QWidget::resizeEvent(event);
}

// On screen the surface covers this widget and nothing is painted here. Rendered into an image
// instead (QWidget::grab of the main window, for an export or a screenshot), the widget paints
// the globe itself, since the native surface is not part of that rendering.
void GlobeView::paintEvent(QPaintEvent *)
{
    QPaintDevice *target = redirected(nullptr);
    QBackingStore *screen = window()->backingStore();
    if (!target || (screen && target == screen->paintDevice()))
        return;
    const QImage frame = grabFramebuffer();
    if (!frame.isNull())
        QPainter(this).drawImage(rect(), frame);
}

void GlobeView::paintGL()
{
    renderScene();
    ++framesRendered_;
}

void GlobeView::renderScene()
{
    const qreal ratio = glWindow_->devicePixelRatio();
    scene_->window->SetSize(int(std::lround(glWindow_->width() * ratio)), int(std::lround(glWindow_->height() * ratio)));
    // VTK caches GL state; re-read what Qt left bound and hand it back untouched afterwards.
    vtkOpenGLState *state = scene_->window->GetState();
    state->Reset();
    state->Push();
    scene_->renderer->SetUseFXAA(!moving_);
    scene_->window->Render();
    state->Pop();
}

QImage GlobeView::grabFramebuffer()
{
    if (!glWindow_->isValid())
        return {};
    // Drawn again into the back buffer, which a swap has left undefined, and read from there.
    glWindow_->makeCurrent();
    renderScene();
    return glWindow_->grabFramebuffer();
}

QString GlobeView::rendererName()
{
    if (!glWindow_->isValid())
        return {};
    glWindow_->makeCurrent();
    const auto *name = reinterpret_cast<const char *>(glWindow_->context()->functions()->glGetString(GL_RENDERER));
    QString result = name ? QString::fromLatin1(name) : QString();
    glWindow_->doneCurrent();
    return result;
}

void GlobeView::releaseGraphics()
{
    if (!scene_ || !glWindow_ || !glWindow_->context())
        return;
    glWindow_->makeCurrent();
    scene_->window->ReleaseGraphicsResources(scene_->window);
    glWindow_->doneCurrent();
}

void GlobeView::reportCursor(QPoint pixel)
{
    if (const auto p = pick(pixel))
        Q_EMIT cursorMoved(p->lat, p->lon);
    else
        Q_EMIT cursorLeftGlobe();
}

void GlobeView::mousePressEvent(QMouseEvent *event)
{
    if (flight_)
        flight_->stop(); // the user takes over
    if (event->button() == Qt::LeftButton) {
        dragFrom_ = event->position().toPoint();
        pressedAt_ = *dragFrom_;
        dragged_ = false;
    }
    QWidget::mousePressEvent(event);
}

void GlobeView::mouseMoveEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (dragFrom_ && (event->buttons() & Qt::LeftButton)) {
        const QPoint delta = pos - *dragFrom_;
        dragFrom_ = pos;
        dragged_ = dragged_ || (pos - pressedAt_).manhattanLength() > 3;
        const double step = camera_.degreesPerPixel();
        // The surface follows the pointer: dragging right brings the west into view.
        rotateBy(-delta.x() * step, delta.y() * step);
    }
    reportCursor(pos);
    if (const GlobeMarker *marker = dragFrom_ ? nullptr : markerAt(pos))
        QToolTip::showText(event->globalPosition().toPoint(), marker->tooltip, this);
    else
        QToolTip::hideText();
}

void GlobeView::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        dragFrom_.reset();
        if (!dragged_) {
            if (const GlobeMarker *marker = markerAt(event->position().toPoint()))
                Q_EMIT markerClicked(marker->id, event->modifiers());
            else if (const auto point = pick(event->position().toPoint()))
                Q_EMIT surfaceClicked(point->lat, point->lon, event->modifiers());
        }
    }
    QWidget::mouseReleaseEvent(event);
}

void GlobeView::wheelEvent(QWheelEvent *event)
{
    if (flight_)
        flight_->stop(); // the user takes over
    const double notches = event->angleDelta().y() / 120.0;
    if (notches != 0.0)
        zoomBy(std::pow(kWheelZoomPerNotch, notches));
    event->accept();
}

void GlobeView::keyPressEvent(QKeyEvent *event)
{
    if (flight_)
        flight_->stop(); // the user takes over
    // Arrow steps shrink as the camera comes closer, so a press moves the view by a similar amount.
    const double step = kKeyRotateDeg * std::min(1.0, (camera_.distance() - 1.0) / (GlobeCamera::kDefaultDistance - 1.0));
    switch (event->key()) {
    case Qt::Key_Left: rotateBy(-step, 0.0); break;
    case Qt::Key_Right: rotateBy(step, 0.0); break;
    case Qt::Key_Up: rotateBy(0.0, step); break;
    case Qt::Key_Down: rotateBy(0.0, -step); break;
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(kKeyZoomFactor); break;
    case Qt::Key_Minus: zoomBy(1.0 / kKeyZoomFactor); break;
    default: QWidget::keyPressEvent(event); return;
    }
    event->accept();
}

void GlobeView::leaveEvent(QEvent *event)
{
    Q_EMIT cursorLeftGlobe();
    QWidget::leaveEvent(event);
}

} // namespace xmw::ui
