#pragma once

#include "ui/app/translations.h"
#include "ui/globe/globe_view.h"

#include <QApplication>
#include <QLocale>
#include <QSurfaceFormat>
#include <QTest>
#include <QTranslator>

// The interface in another language for one scope: the translators go and the locale comes back
// when it ends, also when a failed check leaves the test early.
class TranslationScope {
public:
    explicit TranslationScope(const QString &language)
        : previous_(QLocale())
    {
        xmw::ui::installTranslations(*QCoreApplication::instance(), language);
    }
    ~TranslationScope()
    {
        for (QTranslator *translator : QCoreApplication::instance()->findChildren<QTranslator *>()) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
        QLocale::setDefault(previous_);
    }
    TranslationScope(const TranslationScope &) = delete;
    TranslationScope &operator=(const TranslationScope &) = delete;

private:
    QLocale previous_;
};

// Like QTEST_MAIN, but sets the OpenGL format VTK needs before the application exists.
#define XMW_GUI_TEST_MAIN(TestClass)                                                                                                       \
    int main(int argc, char **argv)                                                                                                        \
    {                                                                                                                                      \
        QSurfaceFormat::setDefaultFormat(xmw::ui::GlobeView::surfaceFormat());                                                             \
        QApplication app(argc, argv);                                                                                                      \
        TestClass test;                                                                                                                    \
        return QTest::qExec(&test, argc, argv);                                                                                            \
    }
