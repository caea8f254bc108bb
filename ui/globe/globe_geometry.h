#pragma once

#include "core/geo/coastlines.h"

#include <vtkSmartPointer.h>

class QImage;
class vtkImageData;
class vtkPolyData;

namespace xmw::ui {

// Unit sphere as a latitude/longitude mesh whose texture coordinates address an equirectangular
// image as it is stored, top row first: u = (lon + 180) / 360, v = (90 - lat) / 180. VTK's row 0
// (v = 0) is then the image's top row, 90°N, and no one has to flip the image. The seam at ±180°
// has duplicated vertices so that u runs 0…1 without wrapping back through the whole image.
[[nodiscard]] vtkSmartPointer<vtkPolyData> makeGlobeMesh(int latSegments, int lonSegments);

// Parallels and meridians every stepDeg degrees, as polylines floating at `radius`.
[[nodiscard]] vtkSmartPointer<vtkPolyData> makeGraticule(double stepDeg, double radius);

// The coastline rings as closed polylines floating at `radius`.
[[nodiscard]] vtkSmartPointer<vtkPolyData> makeCoastlineOutlines(const geo::Coastlines &coastlines, double radius);

// A 32-bit image as a vtkImageData over the image's own bytes, without copying: `texture` must
// outlive the result. Its first row becomes VTK's row 0 (see makeGlobeMesh).
[[nodiscard]] vtkSmartPointer<vtkImageData> wrapTexture(const QImage &texture);

} // namespace xmw::ui
