#include "ui/about_dialog.h"

#include "core/build_info.h"
#include "core/version.h"
#include "ui/animation/video_writer.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <qcustomplot.h>
#include <vtkVersion.h>

namespace xmw::ui {

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About X-MethaneWet Explorer"));
    auto *text = new QTextBrowser(this);
    text->setObjectName(QStringLiteral("aboutText"));
    text->setOpenExternalLinks(true);
    text->setHtml(aboutHtml());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    resize(560, 520);
}

QString AboutDialog::aboutHtml()
{
    struct Row {
        QString name, version, licence;
    };
    QList<Row> rows = {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion()), QStringLiteral("LGPL-3.0")},
        {QStringLiteral("VTK"), QString::fromLatin1(vtkVersion::GetVTKVersion()), QStringLiteral("BSD-3-Clause")},
        {QStringLiteral("QCustomPlot"), QStringLiteral(QCUSTOMPLOT_VERSION_STR), QStringLiteral("GPL-3.0")},
        {QStringLiteral("FFmpeg (animations)"), QString::fromStdString(ffmpegVersion()), QString::fromStdString(ffmpegLicence())},
    };
    for (const auto &library : coreLibraries())
        rows.append(
            {QString::fromStdString(library.name), QString::fromStdString(library.version), QString::fromStdString(library.licence)});

    QString table = QStringLiteral("<table cellspacing='0' cellpadding='3'><tr><th align='left'>%1</th>"
                                   "<th align='left'>%2</th><th align='left'>%3</th></tr>")
                        .arg(tr("Library"), tr("Version"), tr("Licence"));
    for (const Row &row : rows)
        table += QStringLiteral("<tr><td>%1</td><td>%2</td><td>%3</td></tr>")
                     .arg(row.name.toHtmlEscaped(), row.version.toHtmlEscaped(), row.licence.toHtmlEscaped());
    table += QStringLiteral("</table>");

    return QStringLiteral("<h2>%1 %2</h2><p>%3</p><p>%4</p><h3>%5</h3>%6<p>%7</p><p>%8</p>")
        .arg(tr("X-MethaneWet Explorer"), QString::fromLatin1(kVersion),
             tr("Explore TEM-MDM wetland methane simulations and FLUXNET-CH4 eddy-covariance "
                "observations, and train sequence models that carry what the simulation knows over "
                "to the sparse tower records."),
             tr("Licensed under the GNU General Public License, version 3 or later."), tr("Built with"), table,
             tr("Compute devices: %1").arg(QString::fromStdString(computeDevices())),
             tr("Coastlines: VTK's vtkEarthSource continental outlines (BSD-3-Clause)."));
}

} // namespace xmw::ui
