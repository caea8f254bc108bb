#include "ui/about_data_dialog.h"

#include "core/data/units.h"
#include "ui/sites/wetland_types.h"

#include <QDialogButtonBox>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace xmw::ui {

AboutDataDialog::AboutDataDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDataDialog"));
    setWindowTitle(tr("About the Data"));
    auto *text = new QTextBrowser(this);
    text->setObjectName(QStringLiteral("aboutDataText"));
    text->setOpenExternalLinks(true);
    text->setHtml(html());
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addWidget(buttons);
    resize(680, 640);
}

QString AboutDataDialog::html()
{
    const QString factor = QString::number(data::units::kMgPerDayPerNmolPerSecond, 'f', 4);
    QString out;
    out += QStringLiteral("<h2>%1</h2><p>%2</p>")
               .arg(tr("Two views of wetland methane"),
                    tr("Wetlands are the largest natural source of methane (CH4), a greenhouse gas second only "
                       "to carbon dioxide. X-MethaneWet pairs two very different records of how much methane "
                       "wetlands emit, so that each can help the other."));
    out += QStringLiteral("<h3>%1</h3><p>%2</p>")
               .arg(tr("TEM-MDM: a process model, everywhere"),
                    tr("The Terrestrial Ecosystem Model with its Methane Dynamics Module simulates the soil processes "
                       "that make and consume methane (production in waterlogged soil, oxidation, transport by "
                       "diffusion, ebullition and plants) from weather and soil. Its output covers the whole land "
                       "surface on a 0.5° grid (about 55 km) for every day from 1979 to 2018: the drivers "
                       "(precipitation PREC, solar radiation SOLR, air temperature TAIR, vapour pressure VAPR, "
                       "monthly net primary production NPP), static soil, vegetation, wetland and climate fields, "
                       "and the simulated emission CH4_emission in mg CH4 m-2 d-1. Complete, but a model: what "
                       "it gets wrong, it gets wrong everywhere."));
    out += QStringLiteral("<h3>%1</h3><p>%2</p>")
               .arg(tr("FLUXNET-CH4: measurements, in a few places"),
                    tr("Eddy-covariance towers measure the methane exchanged between a wetland and the air, from fast "
                       "wind and gas-concentration readings, over a footprint of some hundreds of metres. The "
                       "FLUXNET-CH4 collection gathers daily records from towers around the world: FCH4_F (in nmol "
                       "CH4 m-2 s-1) where it was measured, and FCH4_F_ANNOPTLM, a gap-filled version made by a "
                       "neural network. Real, but sparse: a few dozen wetland towers, mostly in the north, each "
                       "with a few years and many gaps."));
    out += QStringLiteral("<h3>%1</h3><ul><li>%2</li><li>%3</li><li>%4</li></ul>")
               .arg(tr("Comparing them"),
                    tr("Units: 1 nmol CH4 m-2 s-1 = %1 mg CH4 m-2 d-1 (16.04 g per mole, 86 400 s per day). "
                       "The explorer shows both in either unit.")
                        .arg(factor),
                    tr("Scale: a tower sees a patch of one wetland; a grid cell averages up to about 3000 km² of wetland, "
                       "forest and lakes. Disagreement is expected even where both are right."),
                    tr("Time: both are daily; the benchmark drops 29 February so that every year has 365 days."));
    out += QStringLiteral("<h3>%1</h3><p>%2</p>")
               .arg(tr("What the benchmark asks"),
                    tr("Predict a tower's daily methane flux from a year (365 days) of 15 features: static soil, "
                       "vegetation, wetland and climate codes, atmospheric CH4 and CO2, and the daily drivers. "
                       "Models are tested on later years of each tower (temporal split) or on towers they never "
                       "saw (spatial folds). Because the towers are few, the simulation can help: pretrain on "
                       "TEM-MDM and fine-tune on towers, learn features that cannot tell the two apart "
                       "(domain-adversarial training), learn only what the simulation misses (residual "
                       "learning), or weight the simulated years that look like the towers (reweighting)."));
    out += QStringLiteral("<h3>%1</h3><p>%2</p>")
               .arg(tr("The demo dataset"),
                    tr("The dataset that <tt>xmw make-demo</tt> writes, and that the explorer opens on first "
                       "start, is synthetic: made-up values in the exact file layout of the real data, with the "
                       "benchmark's tower list, so that every part of the program can be tried. Its numbers are "
                       "neither TEM-MDM output nor tower measurements."));
    QString types;
    for (int code = 1; code <= 5; ++code)
        types += QStringLiteral("<tr><td align='right'>%1&nbsp;</td><td>%2</td><td>&nbsp;%3</td></tr>")
                     .arg(code)
                     .arg(wetlandTypeName(code).toHtmlEscaped(), wetlandTypeNameIsInferred(code) ? tr("inferred") : tr("stated"));
    out += QStringLiteral("<h3>%1</h3><p>%2</p><table>%3</table><p>%4</p>")
               .arg(tr("Wetland types"),
                    tr("The files give each tower and cell a wetland-type code only. The names come from the public "
                       "preprocessing of a group that shares authors with the benchmark (github KGML-CH4/wetland_methane_ML), "
                       "which states codes 1 to 4:"),
                    types,
                    tr("Code 5 is inferred, not stated: only the Okavango floodplain tower (BW-Nxr) has it, and it "
                       "matches the fifth wetland group, alluvial formations, of Matthews & Fung (1987), whose groups "
                       "TEM's methane module uses. The explorer marks it with a question mark."));
    out += QStringLiteral("<h3>%1</h3><p>%2</p><p>%3</p>")
               .arg(tr("Budgets: how much methane, and where"),
                    tr("TEM-MDM's CH4_emission is a flux per square metre of wetland, and the dataset says nothing of how "
                       "much of each cell is wetland. A total in Tg CH4 per year is therefore the flux times the cell's "
                       "area times its wetland fraction from a wetland map beside the dataset, such as WAD2M, summed "
                       "over the days (the Budget panel, <tt>xmw budget</tt>). Without a map the explorer gives mean "
                       "fluxes only. The demo's map is synthetic, in WAD2M's layout."),
                    tr("For scale: the Global Carbon Project's ensemble of wetland models gives about 158 ± 24 Tg CH4 "
                       "per year for 2010–2020, most of it from the tropics (Zhang et al. 2025)."));
    out += QStringLiteral("<h3>%1</h3><ul><li>%2</li><li>%3</li><li>%4</li><li>%5</li><li>%6</li><li>%7</li></ul>")
               .arg(tr("Sources"),
                    tr("X-MethaneWet: Sun, Y., Chen, S., Chen, S., Qiu, C., Liu, L., Oh, Y., Malone, S. L., McNicol, G., "
                       "Zhuang, Q., Smith, C., Xie, Y. and Jia, X. (2025), X-MethaneWet: A Cross-scale Global Wetland "
                       "Methane Emission Benchmark Dataset for Advancing Science Discovery with AI, arXiv preprint "
                       "arXiv:2505.18355. The benchmark pairs TEM-MDM simulations with FLUXNET-CH4 observations; cite "
                       "it, with the dataset you use."),
                    tr("FLUXNET-CH4: Delwiche, K. B., et al. (2021), FLUXNET-CH4: a global, multi-ecosystem dataset "
                       "and analysis of methane seasonality from freshwater wetlands, Earth System Science Data "
                       "13, 3607–3689."),
                    tr("TEM-MDM: Zhuang, Q., et al. (2004), Methane fluxes between terrestrial ecosystems and the "
                       "atmosphere at northern high latitudes during the past century: a retrospective analysis "
                       "with a process-based biogeochemistry model, Global Biogeochemical Cycles 18, GB3010."),
                    tr("Wetland maps and budgets: Zhang, Z., et al. (2021), Development of the global dataset of Wetland "
                       "Area and Dynamics for Methane Modeling (WAD2M), Earth System Science Data 13, 2001–2023; "
                       "Zhang, Z., et al. (2025), Biogeosciences 22, 305 (the Global Carbon Project's wetland ensemble)."),
                    tr("Wetland-type names: KGML-CH4/wetland_methane_ML on GitHub (preprocess_fluxnet.py and "
                       "Data/wetland_classification.txt); Matthews, E. and Fung, I. (1987), Methane emission from "
                       "natural wetlands: global distribution, area, and environmental characteristics of sources, "
                       "Global Biogeochemical Cycles 1, 61–86."));
    return out;
}

} // namespace xmw::ui
