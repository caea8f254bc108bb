#pragma once

class QCustomPlot;

namespace xmw::ui {

// Keeps a plot's text in its widget's font, now and after every change of it (presentation mode
// makes the application's text 1.4 times larger). QCustomPlot copies the widget's font into its
// axes and legend when they are made and measures its margins with that copy, but paints a copy
// that sets no size of its own in the widget's font: larger text was painted into the margins left
// for the smaller, and the y axis' title was cut at the plot's edge (#34, item 15). The legend's
// text is `legendScale` times the size of the rest.
void followWidgetFont(QCustomPlot *plot, double legendScale = 1.0);

// Asks for the height that the titles of the plot's visible left and right axes need to stand
// whole along them (at least `minimumHeight`), again before each replot: a title or its font may
// have changed. In presentation mode a flux unit is longer than a low plot's axis.
void keepVerticalTitlesWhole(QCustomPlot *plot, int minimumHeight);

} // namespace xmw::ui
