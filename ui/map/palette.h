#pragma once

#include <QRgb>

// The qualitative colours the explorer draws with, named once: Okabe & Ito's eight, which stay
// apart with colour-vision deficiency (towers by wetland type, sites, loss curves), and four of
// Paul Tol's muted scheme for what must differ from them (compared runs, classes beyond eight).
namespace xmw::ui::palette {

inline constexpr QRgb kOrange = 0xffe69f00;
inline constexpr QRgb kSkyBlue = 0xff56b4e9;
inline constexpr QRgb kBluishGreen = 0xff009e73;
inline constexpr QRgb kYellow = 0xfff0e442;
inline constexpr QRgb kBlue = 0xff0072b2;
inline constexpr QRgb kVermillion = 0xffd55e00;
inline constexpr QRgb kReddishPurple = 0xffcc79a7;
inline constexpr QRgb kBlack = 0xff000000;

inline constexpr QRgb kTolWine = 0xff882255;
inline constexpr QRgb kTolGreen = 0xff117733;
inline constexpr QRgb kTolIndigo = 0xff332288;
inline constexpr QRgb kTolOlive = 0xff999933;
inline constexpr QRgb kTolTeal = 0xff44aa99;

inline constexpr QRgb kNeutralGrey = 0xff999999;

} // namespace xmw::ui::palette
