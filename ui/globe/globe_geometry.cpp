#include "ui/globe/globe_geometry.h"

#include "ui/globe/globe_camera.h"

#include <QImage>

#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkUnsignedCharArray.h>

namespace xmw::ui {

vtkSmartPointer<vtkPolyData> makeGlobeMesh(int latSegments, int lonSegments)
{
    auto points = vtkSmartPointer<vtkPoints>::New();
    auto normals = vtkSmartPointer<vtkFloatArray>::New();
    auto tcoords = vtkSmartPointer<vtkFloatArray>::New();
    normals->SetNumberOfComponents(3);
    normals->SetName("Normals");
    tcoords->SetNumberOfComponents(2);
    tcoords->SetName("TextureCoordinates");

    const int cols = lonSegments + 1; // the seam column appears twice
    for (int i = 0; i <= latSegments; ++i) {
        const double v = double(i) / latSegments;
        for (int j = 0; j < cols; ++j) {
            const double u = double(j) / lonSegments;
            const Vec3 p = toCartesian({-90.0 + 180.0 * v, -180.0 + 360.0 * u});
            points->InsertNextPoint(p.x, p.y, p.z);
            normals->InsertNextTuple3(p.x, p.y, p.z);
            tcoords->InsertNextTuple2(u, 1.0 - v);
        }
    }

    auto triangles = vtkSmartPointer<vtkCellArray>::New();
    for (int i = 0; i < latSegments; ++i) {
        for (int j = 0; j < lonSegments; ++j) {
            const vtkIdType a = i * cols + j, b = a + 1, c = a + cols, d = c + 1;
            const vtkIdType lower[3] = {a, b, d};
            const vtkIdType upper[3] = {a, d, c};
            triangles->InsertNextCell(3, lower);
            triangles->InsertNextCell(3, upper);
        }
    }

    auto mesh = vtkSmartPointer<vtkPolyData>::New();
    mesh->SetPoints(points);
    mesh->SetPolys(triangles);
    mesh->GetPointData()->SetNormals(normals);
    mesh->GetPointData()->SetTCoords(tcoords);
    return mesh;
}

namespace {

class PolylineBuilder {
public:
    explicit PolylineBuilder(double radius)
        : radius_(radius)
    {}

    void beginLine() { current_.clear(); }
    void addVertex(geo::GeoPoint p)
    {
        const Vec3 v = toCartesian(p, radius_);
        current_.push_back(points_->InsertNextPoint(v.x, v.y, v.z));
    }
    void endLine()
    {
        if (current_.size() >= 2)
            lines_->InsertNextCell(vtkIdType(current_.size()), current_.data());
    }
    vtkSmartPointer<vtkPolyData> result()
    {
        auto data = vtkSmartPointer<vtkPolyData>::New();
        data->SetPoints(points_);
        data->SetLines(lines_);
        return data;
    }

private:
    double radius_;
    vtkNew<vtkPoints> points_;
    vtkNew<vtkCellArray> lines_;
    std::vector<vtkIdType> current_;
};

} // namespace

vtkSmartPointer<vtkPolyData> makeGraticule(double stepDeg, double radius)
{
    PolylineBuilder builder(radius);
    constexpr double kSampleDeg = 2.0; // chord length small enough to hug the sphere
    for (double lat = -90.0 + stepDeg; lat < 90.0 - 1e-9; lat += stepDeg) {
        builder.beginLine();
        for (double lon = -180.0; lon <= 180.0 + 1e-9; lon += kSampleDeg)
            builder.addVertex({lat, lon});
        builder.endLine();
    }
    for (double lon = -180.0; lon < 180.0 - 1e-9; lon += stepDeg) {
        builder.beginLine();
        for (double lat = -90.0; lat <= 90.0 + 1e-9; lat += kSampleDeg)
            builder.addVertex({lat, lon});
        builder.endLine();
    }
    return builder.result();
}

vtkSmartPointer<vtkPolyData> makeCoastlineOutlines(const geo::Coastlines &coastlines, double radius)
{
    PolylineBuilder builder(radius);
    for (const geo::Ring &ring : coastlines.rings()) {
        builder.beginLine();
        for (const geo::GeoPoint &p : ring)
            builder.addVertex(p);
        builder.addVertex(ring.front());
        builder.endLine();
    }
    return builder.result();
}

vtkSmartPointer<vtkImageData> wrapTexture(const QImage &texture)
{
    Q_ASSERT(texture.depth() == 32); // four bytes a pixel: rows have no padding
    auto texels = vtkSmartPointer<vtkUnsignedCharArray>::New();
    texels->SetNumberOfComponents(4);
    // VTK only reads it (save = 1: VTK never frees it).
    texels->SetArray(const_cast<uchar *>(texture.constBits()), vtkIdType(texture.sizeInBytes()), 1);
    auto data = vtkSmartPointer<vtkImageData>::New();
    data->SetDimensions(texture.width(), texture.height(), 1);
    data->GetPointData()->SetScalars(texels);
    return data;
}

} // namespace xmw::ui
