#pragma once

#include "core/geo/coastlines.h"

#include <vtkSmartPointer.h>

class QImage;
class vtkImageData;
class vtkPolyData;

namespace xmw::ui {

// Unit sphere as a latitude/longitude mesh whose texture coordinates address an equirectangular
// image directly: u = (lon + 180) / 360, v = (lat + 90) / 180. The seam at ±180° has duplicated
// vertices so that u runs 0…1 without wrapping back through the whole image.
[[nodiscard]] vtkSmartPointer<vtkPolyData> makeGlobeMesh(int latSegments, int lonSegments);

// Parallels and meridians every stepDeg degrees, as polylines floating at `radius`.
[[nodiscard]] vtkSmartPointer<vtkPolyData> makeGraticule(double stepDeg, double radius);

// The coastline rings as closed polylines floating at `radius`.
[[nodiscard]] vtkSmartPointer<vtkPolyData> makeCoastlineOutlines(const geo::Coastlines &coastlines, double radius);

// A 32-bit image whose rows already run bottom-up (VTK's row 0 is the bottom one), as a
// vtkImageData over the image's own bytes, without copying: `texture` must outlive the result.
[[nodiscard]] vtkSmartPointer<vtkImageData> wrapTexture(const QImage &texture);

} // namespace xmw::ui
