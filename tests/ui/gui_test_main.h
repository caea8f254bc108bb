#pragma once

#include "ui/globe/globe_view.h"

#include <QApplication>
#include <QSurfaceFormat>
#include <QTest>

// Like QTEST_MAIN, but sets the OpenGL format VTK needs before the application exists.
#define XMW_GUI_TEST_MAIN(TestClass)                                                                                                       \
    int main(int argc, char **argv)                                                                                                        \
    {                                                                                                                                      \
        QSurfaceFormat::setDefaultFormat(xmw::ui::GlobeView::surfaceFormat());                                                             \
        QApplication app(argc, argv);                                                                                                      \
        TestClass test;                                                                                                                    \
        return QTest::qExec(&test, argc, argv);                                                                                            \
    }
