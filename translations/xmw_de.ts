<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>AnimationFrames</name>
    <message>
        <source>Frame %1 of %2</source>
        <translation>Bild %1 von %2</translation>
    </message>
</context>
<context>
    <name>Coordinates</name>
    <message>
        <source>N</source>
        <comment>north</comment>
        <translation>N</translation>
    </message>
    <message>
        <source>S</source>
        <comment>south</comment>
        <translation>S</translation>
    </message>
    <message>
        <source>E</source>
        <comment>east</comment>
        <translation>O</translation>
    </message>
    <message>
        <source>W</source>
        <comment>west</comment>
        <translation>W</translation>
    </message>
    <message>
        <source>%1° %2, %3° %4</source>
        <comment>latitude, longitude</comment>
        <translation>%1° %2, %3° %4</translation>
    </message>
</context>
<context>
    <name>ExplorerOptions</name>
    <message>
        <source>Explore wetland methane: TEM-MDM maps on a globe, FLUXNET-CH4 towers and learned models.</source>
        <translation>Methan aus Feuchtgebieten erkunden: TEM-MDM-Karten auf einem Globus, FLUXNET-CH4-Türme und gelernte Modelle.</translation>
    </message>
    <message>
        <source>Render the window into a PNG file and exit.</source>
        <translation>Das Fenster als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>file</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Window size in pixels, e.g. 1280x800.</source>
        <translation>Fenstergröße in Pixeln, z. B. 1280x800.</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>BxH</translation>
    </message>
    <message>
        <source>Interface language (en, de, zh_CN); default: the system&apos;s.</source>
        <translation>Sprache der Oberfläche (en, de, zh_CN); Vorgabe: die des Systems.</translation>
    </message>
    <message>
        <source>code</source>
        <translation>Kürzel</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>Unerwartetes Argument: %1</translation>
    </message>
    <message>
        <source>--size expects WIDTHxHEIGHT in pixels, e.g. 1280x800; got &apos;%1&apos;</source>
        <translation>--size erwartet BREITExHÖHE in Pixeln, z. B. 1280x800; erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A dataset folder in the X-MethaneWet layout to open.</source>
        <translation>Ein zu öffnender Datensatzordner im X-MethaneWet-Format.</translation>
    </message>
    <message>
        <source>The map&apos;s variable, e.g. TAIR.</source>
        <translation>Die Variable der Karte, z. B. TAIR.</translation>
    </message>
    <message>
        <source>name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The map&apos;s day.</source>
        <translation>Der Tag der Karte.</translation>
    </message>
    <message>
        <source>Select these towers (IDs, comma-separated).</source>
        <translation>Diese Türme auswählen (Kennungen, durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>--date expects YYYY-MM-DD; got &apos;%1&apos;</source>
        <translation>--date erwartet JJJJ-MM-TT; erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Show the flat (equirectangular) map instead of the globe.</source>
        <translation>Die flache (abstandstreue Zylinder-)Karte statt des Globus zeigen.</translation>
    </message>
    <message>
        <source>Select these runs of the dataset&apos;s runs/ folder (files, comma-separated).</source>
        <translation>Diese Läufe aus dem Ordner runs/ des Datensatzes auswählen (Dateien, durch Kommas getrennt).</translation>
    </message>
    <message>
        <source>Upscale the one --run over this year and show its prediction map.</source>
        <translation>Den einen --run über dieses Jahr hochskalieren und seine Vorhersagekarte zeigen.</translation>
    </message>
    <message>
        <source>year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>With --upscale: show the prediction minus TEM-MDM.</source>
        <translation>Mit --upscale: die Vorhersage minus TEM-MDM zeigen.</translation>
    </message>
    <message>
        <source>--upscale expects a year and exactly one --run</source>
        <translation>--upscale erwartet ein Jahr und genau einen --run</translation>
    </message>
    <message>
        <source>--difference applies to --upscale</source>
        <translation>--difference gilt nur mit --upscale</translation>
    </message>
    <message>
        <source>--variable, --date, --site and --run need a dataset to open</source>
        <translation>--variable, --date, --site und --run brauchen einen Datensatz zum Öffnen</translation>
    </message>
    <message>
        <source>Show methane fluxes in nmol (nmol CH4 m-2 s-1) or mg (mg CH4 m-2 d-1).</source>
        <translation>Methanflüsse in nmol (nmol CH4 m-2 s-1) oder mg (mg CH4 m-2 d-1) zeigen.</translation>
    </message>
    <message>
        <source>--screenshot needs a dataset folder to show, e.g. demo-data</source>
        <translation>--screenshot braucht einen Datensatzordner zum Zeigen, z. B. demo-data</translation>
    </message>
    <message>
        <source>--lang: there is no translation for &apos;%1&apos; (available: %2)</source>
        <translation>--lang: für &apos;%1&apos; gibt es keine Übersetzung (verfügbar: %2)</translation>
    </message>
    <message>
        <source>--unit expects nmol or mg; got &apos;%1&apos;</source>
        <translation>--unit erwartet nmol oder mg; erhalten: &apos;%1&apos;</translation>
    </message>
    <message>
        <source>--panel expects one of %1; got &apos;%2&apos;</source>
        <translation>--panel erwartet eines von %1; erhalten: „%2“</translation>
    </message>
    <message>
        <source>Start the guided tour once the map is shown.</source>
        <translation>Die Einführungstour starten, sobald die Karte gezeigt wird.</translation>
    </message>
    <message>
        <source>Write an animation of the map over this period (days, or YYYY-MM / YYYY for whole months or years) to --out and exit.</source>
        <translation>Eine Animation der Karte über diesen Zeitraum (Tage, oder JJJJ-MM / JJJJ für ganze Monate oder Jahre) nach --out schreiben und beenden.</translation>
    </message>
    <message>
        <source>With --animate: a frame a day, a month (monthly means) or a year (annual means); default day.</source>
        <translation>Mit --animate: ein Bild pro Tag, pro Monat (Monatsmittel) oder pro Jahr (Jahresmittel); Standard: Tag.</translation>
    </message>
    <message>
        <source>With --animate: the video file (.mp4, .webm or .gif).</source>
        <translation>Mit --animate: die Videodatei (.mp4, .webm oder .gif).</translation>
    </message>
    <message>
        <source>With --animate: frames per second (1-60); default 10.</source>
        <translation>Mit --animate: Bilder pro Sekunde (1–60); Standard 10.</translation>
    </message>
    <message>
        <source>With --animate: the video&apos;s size; default 1280x720.</source>
        <translation>Mit --animate: die Größe des Videos; Standard 1280x720.</translation>
    </message>
    <message>
        <source>With --animate: the globe still, the globe turning, or the flat map; default globe (flat with --flat).</source>
        <translation>Mit --animate: der Globus still, der Globus sich drehend oder die flache Karte; Standard: Globus (flach mit --flat).</translation>
    </message>
    <message>
        <source>With --animate: a title at the top left (not --title: Qt takes that for the window).</source>
        <translation>Mit --animate: ein Titel oben links (nicht --title: das nimmt Qt für das Fenster).</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>With --animate: each frame its own colour range (by default all frames share one).</source>
        <translation>Mit --animate: jedes Bild mit eigenem Farbbereich (standardmäßig teilen alle Bilder einen).</translation>
    </message>
    <message>
        <source>--%1 applies to --animate</source>
        <translation>--%1 gilt für --animate</translation>
    </message>
    <message>
        <source>--animate needs a dataset folder to show, e.g. demo-data</source>
        <translation>--animate braucht einen Datensatzordner, z. B. demo-data</translation>
    </message>
    <message>
        <source>--animate and --screenshot: one at a time</source>
        <translation>--animate und --screenshot: nur eines von beiden</translation>
    </message>
    <message>
        <source>--animate expects FROM:TO, each YYYY-MM-DD, YYYY-MM or YYYY, FROM first; got &apos;%1&apos;</source>
        <translation>--animate erwartet VON:BIS, jeweils JJJJ-MM-TT, JJJJ-MM oder JJJJ, VON zuerst; erhalten: „%1“</translation>
    </message>
    <message>
        <source>--step expects day, month or year; got &apos;%1&apos;</source>
        <translation>--step erwartet day, month oder year; erhalten: „%1“</translation>
    </message>
    <message>
        <source>--animate needs --out FILE ending in .mp4, .webm or .gif</source>
        <translation>--animate braucht --out DATEI mit der Endung .mp4, .webm oder .gif</translation>
    </message>
    <message>
        <source>--fps expects 1 to 60; got &apos;%1&apos;</source>
        <translation>--fps erwartet 1 bis 60; erhalten: „%1“</translation>
    </message>
    <message>
        <source>--video-size expects an even WIDTHxHEIGHT in pixels, e.g. 1280x720; got &apos;%1&apos;</source>
        <translation>--video-size erwartet gerade BREITExHÖHE in Pixeln, z. B. 1280x720; erhalten: „%1“</translation>
    </message>
    <message>
        <source>--view expects globe, turning or flat; got &apos;%1&apos;</source>
        <translation>--view erwartet globe, turning oder flat; erhalten: „%1“</translation>
    </message>
    <message>
        <source>Did you mean --%1?</source>
        <translation>Meinten Sie --%1?</translation>
    </message>
    <message>
        <source>Bring this panel to the front: time-series, training, runs, benchmark, budget or sites.</source>
        <translation>Dieses Panel nach vorne holen: time-series, training, runs, benchmark, budget oder sites.</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>%1: cannot write in this folder (%2)</source>
        <translation>%1: in diesen Ordner kann nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>%1: writing failed</source>
        <translation>%1: Schreiben fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1: cannot replace the file (%2)</source>
        <translation>%1: Die Datei kann nicht ersetzt werden (%2)</translation>
    </message>
</context>
<context>
    <name>FieldRequester</name>
    <message>
        <source>prediction − TEM-MDM</source>
        <translation>Vorhersage − TEM-MDM</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>Vorhersage</translation>
    </message>
</context>
<context>
    <name>PredictionLayer</name>
    <message>
        <source>%1 %2 (%3), %4</source>
        <translation>%1 %2 (%3), %4</translation>
    </message>
    <message>
        <source>There is no prediction to write.</source>
        <translation>Es gibt keine Vorhersage zum Schreiben.</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>could not grab the window</source>
        <translation>das Fenster konnte nicht aufgenommen werden</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: could not write the PNG (%2)</source>
        <translation>%1: das PNG konnte nicht geschrieben werden (%2)</translation>
    </message>
    <message>
        <source>the globe did not render within %1 s (is there a working OpenGL 3.2 display?)</source>
        <translation>der Globus wurde nicht innerhalb von %1 s gezeichnet (gibt es eine funktionierende OpenGL-3.2-Anzeige?)</translation>
    </message>
</context>
<context>
    <name>ScriptedAnimation</name>
    <message>
        <source>there is no map to animate</source>
        <translation>es gibt keine Karte zu animieren</translation>
    </message>
    <message>
        <source>this dataset has no TEM-MDM grids to animate</source>
        <translation>dieser Datensatz hat keine TEM-MDM-Gitter zum Animieren</translation>
    </message>
</context>
<context>
    <name>TowerMarkers</name>
    <message>
        <source>%1–%2, %3 days, FCH4 measured on %4</source>
        <translation>%1–%2, %3 Tage, FCH4 an %4 gemessen</translation>
    </message>
    <message>
        <source>wetland type %1</source>
        <translation>Feuchtgebietstyp %1</translation>
    </message>
    <message>
        <source>no wetland type</source>
        <translation>kein Feuchtgebietstyp</translation>
    </message>
    <message>
        <source>, climate type %1</source>
        <translation>, Klimatyp %1</translation>
    </message>
    <message>
        <source>mean FCH4 %1 %2</source>
        <translation>mittlerer FCH4 %1 %2</translation>
    </message>
    <message>
        <source>Towers by wetland type:</source>
        <translation>Türme nach Feuchtgebietstyp:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1–%2, %3 days, FCH4_F on %4 (the file has no FCH4 column)</source>
        <translation>%1–%2, %3 Tage, FCH4_F an %4 (die Datei hat keine Spalte FCH4)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::AboutDataDialog</name>
    <message>
        <source>About the Data</source>
        <translation>Über die Daten</translation>
    </message>
    <message>
        <source>Two views of wetland methane</source>
        <translation>Zwei Blicke auf Methan aus Feuchtgebieten</translation>
    </message>
    <message>
        <source>Wetlands are the largest natural source of methane (CH4), a greenhouse gas second only to carbon dioxide. X-MethaneWet pairs two very different records of how much methane wetlands emit, so that each can help the other.</source>
        <translation>Feuchtgebiete sind die größte natürliche Quelle von Methan (CH4), dem nach Kohlendioxid zweitwichtigsten Treibhausgas. X-MethaneWet stellt zwei sehr verschiedene Aufzeichnungen darüber nebeneinander, wie viel Methan Feuchtgebiete ausstoßen, damit jede der anderen helfen kann.</translation>
    </message>
    <message>
        <source>TEM-MDM: a process model, everywhere</source>
        <translation>TEM-MDM: ein Prozessmodell, überall</translation>
    </message>
    <message>
        <source>The Terrestrial Ecosystem Model with its Methane Dynamics Module simulates the soil processes that make and consume methane (production in waterlogged soil, oxidation, transport by diffusion, ebullition and plants) from weather and soil. Its output covers the whole land surface on a 0.5° grid (about 55 km) for every day from 1979 to 2018: the drivers (precipitation PREC, solar radiation SOLR, air temperature TAIR, vapour pressure VAPR, monthly net primary production NPP), static soil, vegetation, wetland and climate fields, and the simulated emission CH4_emission in mg CH4 m-2 d-1. Complete, but a model: what it gets wrong, it gets wrong everywhere.</source>
        <translation>Das Terrestrial Ecosystem Model mit seinem Methane Dynamics Module simuliert aus Wetter und Boden die Bodenprozesse, die Methan bilden und verbrauchen (Bildung in wassergesättigtem Boden, Oxidation, Transport durch Diffusion, Gasblasen und Pflanzen). Seine Ausgabe deckt die ganze Landfläche auf einem 0,5°-Gitter (etwa 55 km) für jeden Tag von 1979 bis 2018 ab: die Antriebe (Niederschlag PREC, Sonnenstrahlung SOLR, Lufttemperatur TAIR, Dampfdruck VAPR, monatliche Nettoprimärproduktion NPP), statische Boden-, Vegetations-, Feuchtgebiets- und Klimafelder und die simulierte Emission CH4_emission in mg CH4 m-2 d-1. Vollständig, aber ein Modell: Was es falsch macht, macht es überall falsch.</translation>
    </message>
    <message>
        <source>FLUXNET-CH4: measurements, in a few places</source>
        <translation>FLUXNET-CH4: Messungen, an wenigen Orten</translation>
    </message>
    <message>
        <source>Eddy-covariance towers measure the methane exchanged between a wetland and the air, from fast wind and gas-concentration readings, over a footprint of some hundreds of metres. The FLUXNET-CH4 collection gathers daily records from towers around the world: FCH4_F (in nmol CH4 m-2 s-1) where it was measured, and FCH4_F_ANNOPTLM, a gap-filled version made by a neural network. Real, but sparse: a few dozen wetland towers, mostly in the north, each with a few years and many gaps.</source>
        <translation>Eddy-Kovarianz-Türme messen aus schnellen Wind- und Gaskonzentrationsmessungen das Methan, das ein Feuchtgebiet mit der Luft austauscht, über eine Fläche von einigen hundert Metern. Die FLUXNET-CH4-Sammlung vereint tägliche Aufzeichnungen von Türmen weltweit: FCH4_F (in nmol CH4 m-2 s-1), wo gemessen wurde, und FCH4_F_ANNOPTLM, eine von einem neuronalen Netz lückengefüllte Fassung. Echt, aber spärlich: einige Dutzend Feuchtgebietstürme, meist im Norden, jeder mit wenigen Jahren und vielen Lücken.</translation>
    </message>
    <message>
        <source>Comparing them</source>
        <translation>Der Vergleich</translation>
    </message>
    <message>
        <source>Units: 1 nmol CH4 m-2 s-1 = %1 mg CH4 m-2 d-1 (16.04 g per mole, 86 400 s per day). The explorer shows both in either unit.</source>
        <translation>Einheiten: 1 nmol CH4 m-2 s-1 = %1 mg CH4 m-2 d-1 (16,04 g pro Mol, 86 400 s pro Tag). Der Explorer zeigt beide in jeder der beiden Einheiten.</translation>
    </message>
    <message>
        <source>Scale: a tower sees a patch of one wetland; a grid cell averages up to about 3000 km² of wetland, forest and lakes. Disagreement is expected even where both are right.</source>
        <translation>Maßstab: Ein Turm sieht einen Ausschnitt eines Feuchtgebiets; eine Gitterzelle mittelt über bis zu etwa 3000 km² aus Feuchtgebiet, Wald und Seen. Abweichungen sind selbst dort zu erwarten, wo beide stimmen.</translation>
    </message>
    <message>
        <source>Time: both are daily; the benchmark drops 29 February so that every year has 365 days.</source>
        <translation>Zeit: Beide sind täglich; der Benchmark lässt den 29. Februar weg, damit jedes Jahr 365 Tage hat.</translation>
    </message>
    <message>
        <source>What the benchmark asks</source>
        <translation>Was der Benchmark verlangt</translation>
    </message>
    <message>
        <source>Predict a tower&apos;s daily methane flux from a year (365 days) of 15 features: static soil, vegetation, wetland and climate codes, atmospheric CH4 and CO2, and the daily drivers. Models are tested on later years of each tower (temporal split) or on towers they never saw (spatial folds). Because the towers are few, the simulation can help: pretrain on TEM-MDM and fine-tune on towers, learn features that cannot tell the two apart (domain-adversarial training), learn only what the simulation misses (residual learning), or weight the simulated years that look like the towers (reweighting).</source>
        <translation>Den täglichen Methanfluss eines Turms aus einem Jahr (365 Tagen) mit 15 Merkmalen vorhersagen: statische Boden-, Vegetations-, Feuchtgebiets- und Klimacodes, atmosphärisches CH4 und CO2 und die täglichen Antriebe. Geprüft wird an späteren Jahren jedes Turms (zeitliche Aufteilung) oder an Türmen, die das Modell nie gesehen hat (räumliche Teilmengen). Weil es wenige Türme gibt, kann die Simulation helfen: auf TEM-MDM vortrainieren und auf den Türmen feinabstimmen, Merkmale lernen, die beide nicht unterscheiden können (domänenadversariales Training), nur lernen, was die Simulation verfehlt (Residuallernen), oder die simulierten Jahre stärker gewichten, die den Türmen ähneln (Umgewichtung).</translation>
    </message>
    <message>
        <source>The demo dataset</source>
        <translation>Der Demo-Datensatz</translation>
    </message>
    <message>
        <source>The dataset that &lt;tt&gt;xmw make-demo&lt;/tt&gt; writes, and that the explorer opens on first start, is synthetic: made-up values in the exact file layout of the real data, with the benchmark&apos;s tower list, so that every part of the program can be tried. Its numbers are neither TEM-MDM output nor tower measurements.</source>
        <translation>Der Datensatz, den &lt;tt&gt;xmw make-demo&lt;/tt&gt; schreibt und den der Explorer beim ersten Start öffnet, ist synthetisch: erfundene Werte im genauen Dateiaufbau der echten Daten, mit der Turmliste des Benchmarks, damit sich jeder Teil des Programms ausprobieren lässt. Seine Zahlen sind weder TEM-MDM-Ausgabe noch Turmmessungen.</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>Quellen</translation>
    </message>
    <message>
        <source>FLUXNET-CH4: Delwiche, K. B., et al. (2021), FLUXNET-CH4: a global, multi-ecosystem dataset and analysis of methane seasonality from freshwater wetlands, Earth System Science Data 13, 3607–3689.</source>
        <translation>FLUXNET-CH4: Delwiche, K. B., et al. (2021), FLUXNET-CH4: a global, multi-ecosystem dataset and analysis of methane seasonality from freshwater wetlands, Earth System Science Data 13, 3607–3689.</translation>
    </message>
    <message>
        <source>TEM-MDM: Zhuang, Q., et al. (2004), Methane fluxes between terrestrial ecosystems and the atmosphere at northern high latitudes during the past century: a retrospective analysis with a process-based biogeochemistry model, Global Biogeochemical Cycles 18, GB3010.</source>
        <translation>TEM-MDM: Zhuang, Q., et al. (2004), Methane fluxes between terrestrial ecosystems and the atmosphere at northern high latitudes during the past century: a retrospective analysis with a process-based biogeochemistry model, Global Biogeochemical Cycles 18, GB3010.</translation>
    </message>
    <message>
        <source>X-MethaneWet: Sun, Y., Chen, S., Chen, S., Qiu, C., Liu, L., Oh, Y., Malone, S. L., McNicol, G., Zhuang, Q., Smith, C., Xie, Y. and Jia, X. (2025), X-MethaneWet: A Cross-scale Global Wetland Methane Emission Benchmark Dataset for Advancing Science Discovery with AI, arXiv preprint arXiv:2505.18355. The benchmark pairs TEM-MDM simulations with FLUXNET-CH4 observations; cite it, with the dataset you use.</source>
        <translation>X-MethaneWet: Sun, Y., Chen, S., Chen, S., Qiu, C., Liu, L., Oh, Y., Malone, S. L., McNicol, G., Zhuang, Q., Smith, C., Xie, Y. und Jia, X. (2025), X-MethaneWet: A Cross-scale Global Wetland Methane Emission Benchmark Dataset for Advancing Science Discovery with AI, arXiv-Preprint arXiv:2505.18355. Der Benchmark verbindet TEM-MDM-Simulationen mit FLUXNET-CH4-Beobachtungen; zitieren Sie ihn zusammen mit dem verwendeten Datensatz.</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>erschlossen</translation>
    </message>
    <message>
        <source>stated</source>
        <translation>angegeben</translation>
    </message>
    <message>
        <source>Wetland types</source>
        <translation>Feuchtgebietstypen</translation>
    </message>
    <message>
        <source>The files give each tower and cell a wetland-type code only. The names come from the public preprocessing of a group that shares authors with the benchmark (github KGML-CH4/wetland_methane_ML), which states codes 1 to 4:</source>
        <translation>Die Dateien geben jedem Turm und jeder Zelle nur einen Code für den Feuchtgebietstyp. Die Namen stammen aus der öffentlichen Vorverarbeitung einer Gruppe, die Autoren mit dem Benchmark teilt (github KGML-CH4/wetland_methane_ML); sie nennt die Codes 1 bis 4:</translation>
    </message>
    <message>
        <source>Code 5 is inferred, not stated: only the Okavango floodplain tower (BW-Nxr) has it, and it matches the fifth wetland group, alluvial formations, of Matthews &amp; Fung (1987), whose groups TEM&apos;s methane module uses. The explorer marks it with a question mark.</source>
        <translation>Code 5 ist erschlossen, nicht angegeben: Nur der Turm in der Okavango-Überschwemmungsebene (BW-Nxr) hat ihn, und er entspricht der fünften Feuchtgebietsgruppe, den alluvialen Formationen, von Matthews &amp; Fung (1987), deren Gruppen das Methanmodul von TEM verwendet. Der Explorer kennzeichnet ihn mit einem Fragezeichen.</translation>
    </message>
    <message>
        <source>Budgets: how much methane, and where</source>
        <translation>Bilanzen: wie viel Methan, und wo</translation>
    </message>
    <message>
        <source>TEM-MDM&apos;s CH4_emission is a flux per square metre of wetland, and the dataset says nothing of how much of each cell is wetland. A total in Tg CH4 per year is therefore the flux times the cell&apos;s area times its wetland fraction from a wetland map beside the dataset, such as WAD2M, summed over the days (the Budget panel, &lt;tt&gt;xmw budget&lt;/tt&gt;). Without a map the explorer gives mean fluxes only. The demo&apos;s map is synthetic, in WAD2M&apos;s layout.</source>
        <translation>CH4_emission von TEM-MDM ist ein Fluss pro Quadratmeter Feuchtgebiet, und der Datensatz sagt nicht, wie viel jeder Zelle Feuchtgebiet ist. Eine Summe in Tg CH4 pro Jahr ist daher der Fluss mal die Fläche der Zelle mal ihr Feuchtgebietsanteil aus einer Feuchtgebietskarte neben dem Datensatz, etwa WAD2M, summiert über die Tage (das Panel „Bilanz“, &lt;tt&gt;xmw budget&lt;/tt&gt;). Ohne Karte gibt der Explorer nur mittlere Flüsse an. Die Karte der Demo ist synthetisch, im Aufbau von WAD2M.</translation>
    </message>
    <message>
        <source>For scale: the Global Carbon Project&apos;s ensemble of wetland models gives about 158 ± 24 Tg CH4 per year for 2010–2020, most of it from the tropics (Zhang et al. 2025).</source>
        <translation>Zum Vergleich: Das Ensemble von Feuchtgebietsmodellen des Global Carbon Project ergibt für 2010–2020 etwa 158 ± 24 Tg CH4 pro Jahr, das meiste davon aus den Tropen (Zhang et al. 2025).</translation>
    </message>
    <message>
        <source>Wetland maps and budgets: Zhang, Z., et al. (2021), Development of the global dataset of Wetland Area and Dynamics for Methane Modeling (WAD2M), Earth System Science Data 13, 2001–2023; Zhang, Z., et al. (2025), Biogeosciences 22, 305 (the Global Carbon Project&apos;s wetland ensemble).</source>
        <translation>Feuchtgebietskarten und Bilanzen: Zhang, Z., et al. (2021), Development of the global dataset of Wetland Area and Dynamics for Methane Modeling (WAD2M), Earth System Science Data 13, 2001–2023; Zhang, Z., et al. (2025), Biogeosciences 22, 305 (das Feuchtgebietsensemble des Global Carbon Project).</translation>
    </message>
    <message>
        <source>Wetland-type names: KGML-CH4/wetland_methane_ML on GitHub (preprocess_fluxnet.py and Data/wetland_classification.txt); Matthews, E. and Fung, I. (1987), Methane emission from natural wetlands: global distribution, area, and environmental characteristics of sources, Global Biogeochemical Cycles 1, 61–86.</source>
        <translation>Namen der Feuchtgebietstypen: KGML-CH4/wetland_methane_ML auf GitHub (preprocess_fluxnet.py und Data/wetland_classification.txt); Matthews, E. und Fung, I. (1987), Methane emission from natural wetlands: global distribution, area, and environmental characteristics of sources, Global Biogeochemical Cycles 1, 61–86.</translation>
    </message>
</context>
<context>
    <name>xmw::ui::AboutDialog</name>
    <message>
        <source>About X-MethaneWet Explorer</source>
        <translation>Über X-MethaneWet Explorer</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lizenz</translation>
    </message>
    <message>
        <source>X-MethaneWet Explorer</source>
        <translation>X-MethaneWet Explorer</translation>
    </message>
    <message>
        <source>Explore TEM-MDM wetland methane simulations and FLUXNET-CH4 eddy-covariance observations, and train sequence models that carry what the simulation knows over to the sparse tower records.</source>
        <translation>Erkunden Sie TEM-MDM-Simulationen des Methans aus Feuchtgebieten und FLUXNET-CH4-Eddy-Kovarianz-Beobachtungen, und trainieren Sie Sequenzmodelle, die das Wissen der Simulation auf die spärlichen Turmdaten übertragen.</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>Lizenziert unter der GNU General Public License, Version 3 oder später.</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Erstellt mit</translation>
    </message>
    <message>
        <source>Compute devices: %1</source>
        <translation>Rechengeräte: %1</translation>
    </message>
    <message>
        <source>Coastlines: VTK&apos;s vtkEarthSource continental outlines (BSD-3-Clause).</source>
        <translation>Küstenlinien: Kontinentumrisse aus VTKs vtkEarthSource (BSD-3-Clause).</translation>
    </message>
</context>
<context>
    <name>xmw::ui::AnimationDialog</name>
    <message>
        <source>Export Animation</source>
        <translation>Animation exportieren</translation>
    </message>
    <message>
        <source>The layer on the map, in its colours; choose another on the map first</source>
        <translation>Die Ebene auf der Karte, in ihren Farben; eine andere zuerst auf der Karte wählen</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>Ebene:</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>a frame a day</source>
        <translation>ein Bild pro Tag</translation>
    </message>
    <message>
        <source>a frame a month (monthly means)</source>
        <translation>ein Bild pro Monat (Monatsmittel)</translation>
    </message>
    <message>
        <source>a frame a year (annual means)</source>
        <translation>ein Bild pro Jahr (Jahresmittel)</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Zeitraum:</translation>
    </message>
    <message>
        <source>Globe, as turned now</source>
        <translation>Globus, wie er jetzt gedreht ist</translation>
    </message>
    <message>
        <source>Globe, turning slowly</source>
        <translation>Globus, langsam drehend</translation>
    </message>
    <message>
        <source>Flat map, the whole world</source>
        <translation>Flache Karte, die ganze Welt</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>Ansicht:</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 Pixel</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> Bilder/s</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>Video:</translation>
    </message>
    <message>
        <source>MP4 (H.264): plays everywhere, slides included</source>
        <translation>MP4 (H.264): läuft überall, auch in Folien</translation>
    </message>
    <message>
        <source>WebM (VP9): open format, for web pages</source>
        <translation>WebM (VP9): offenes Format, für Webseiten</translation>
    </message>
    <message>
        <source>GIF: 256 colours, no player needed</source>
        <translation>GIF: 256 Farben, kein Player nötig</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>none (optional, top left)</source>
        <translation>keiner (optional, oben links)</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>One colour range for all frames</source>
        <translation>Ein Farbbereich für alle Bilder</translation>
    </message>
    <message>
        <source>So that a colour means the same value on every frame; the range comes from a sample of the frames (or the fixed range of the map&apos;s colours)</source>
        <translation>Damit eine Farbe auf jedem Bild denselben Wert bedeutet; der Bereich stammt aus einer Stichprobe der Bilder (oder dem festen Bereich der Kartenfarben)</translation>
    </message>
    <message>
        <source>Towers</source>
        <translation>Türme</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4-Videos (*.mp4)</translation>
    </message>
    <message>
        <source>WebM videos (*.webm)</source>
        <translation>WebM-Videos (*.webm)</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF-Animationen (*.gif)</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>Der Zeitraum endet, bevor er beginnt.</translation>
    </message>
    <message>
        <source>Frames: %1 · length: %2 s</source>
        <translation>Bilder: %1 · Länge: %2 s</translation>
    </message>
    <message>
        <source> — a GIF this large is many megabytes; 640 × 360 suits one better</source>
        <translation> — ein so großes GIF hat viele Megabyte; 640 × 360 passt besser</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>Eine Datei zum Schreiben wählen.</translation>
    </message>
    <message>
        <source>The file name must end in .mp4, .webm or .gif.</source>
        <translation>Der Dateiname muss auf .mp4, .webm oder .gif enden.</translation>
    </message>
    <message>
        <source>There is no folder %1.</source>
        <translation>Es gibt keinen Ordner %1.</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 existiert. Ersetzen?</translation>
    </message>
</context>
<context>
    <name>xmw::ui::AnimationFrames</name>
    <message>
        <source>The animation ends before it starts</source>
        <translation>Die Animation endet, bevor sie beginnt</translation>
    </message>
    <message>
        <source>This dataset has no TEM-MDM grids to animate</source>
        <translation>Dieser Datensatz hat keine TEM-MDM-Gitter zum Animieren</translation>
    </message>
    <message>
        <source>%1 is a static field: it is the same on every date</source>
        <translation>%1 ist ein statisches Feld: an jedem Datum gleich</translation>
    </message>
    <message>
        <source>%1 has one value a month: animate it by month or by year</source>
        <translation>%1 hat einen Wert pro Monat: nach Monat oder Jahr animieren</translation>
    </message>
    <message>
        <source>This layer covers %1 only</source>
        <translation>Diese Ebene umfasst nur %1</translation>
    </message>
    <message>
        <source>This layer covers %1 to %2</source>
        <translation>Diese Ebene umfasst %1 bis %2</translation>
    </message>
    <message>
        <source>More than %1 frames: choose a longer step or a shorter period</source>
        <translation>Mehr als %1 Bilder: einen längeren Schritt oder einen kürzeren Zeitraum wählen</translation>
    </message>
    <message>
        <source>Choosing the colour range</source>
        <translation>Farbbereich wird gewählt</translation>
    </message>
    <message>
        <source>one colour per class</source>
        <translation>eine Farbe je Klasse</translation>
    </message>
    <message>
        <source>fixed colour range</source>
        <translation>fester Farbbereich</translation>
    </message>
    <message>
        <source>one colour range for all frames: the minimum to the maximum of %1 of them</source>
        <translation>ein Farbbereich für alle Bilder: Minimum bis Maximum von %1 davon</translation>
    </message>
    <message>
        <source>one colour range for all frames: 2nd to 98th percentile of %1 of them</source>
        <translation>ein Farbbereich für alle Bilder: 2. bis 98. Perzentil von %1 davon</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>täglich</translation>
    </message>
    <message>
        <source>monthly means</source>
        <translation>Monatsmittel</translation>
    </message>
    <message>
        <source>annual means</source>
        <translation>Jahresmittel</translation>
    </message>
    <message>
        <source>each frame its own colour range</source>
        <translation>jedes Bild mit eigenem Farbbereich</translation>
    </message>
    <message>
        <source>, centred on zero</source>
        <translation>, um null zentriert</translation>
    </message>
    <message>
        <source>, log scale</source>
        <translation>, logarithmische Skala</translation>
    </message>
</context>
<context>
    <name>xmw::ui::BenchmarkPanel</name>
    <message>
        <source>Runs are comparable only within one protocol: the same test towers and years, the same share of data</source>
        <translation>Läufe sind nur innerhalb eines Protokolls vergleichbar: dieselben Testtürme und -jahre, derselbe Datenanteil</translation>
    </message>
    <message>
        <source>Measured days only</source>
        <translation>Nur gemessene Tage</translation>
    </message>
    <message>
        <source>Score on the days the tower measured FCH4 itself instead of the gap-filled target the benchmark scores</source>
        <translation>Auf den Tagen bewerten, an denen der Turm FCH4 selbst gemessen hat, statt auf dem lückengefüllten Ziel, das der Benchmark bewertet</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Export Image…</source>
        <translation>Bild exportieren…</translation>
    </message>
    <message>
        <source>New Sweep…</source>
        <translation>Neuer Sweep…</translation>
    </message>
    <message>
        <source>Train a grid of models × methods × protocols × seeds in the background (xmw sweep)</source>
        <translation>Ein Raster aus Modellen × Methoden × Protokollen × Seeds im Hintergrund trainieren (xmw sweep)</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>Protokoll:</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>Metrik:</translation>
    </message>
    <message>
        <source>Stop Sweep</source>
        <translation>Sweep anhalten</translation>
    </message>
    <message>
        <source>Each running run keeps its last finished epoch; starting the same sweep again goes on from there</source>
        <translation>Jeder laufende Lauf behält seine letzte abgeschlossene Epoche; derselbe Sweep, erneut gestartet, macht dort weiter</translation>
    </message>
    <message>
        <source>Sweep finished: %1</source>
        <translation>Sweep beendet: %1</translation>
    </message>
    <message>
        <source>Sweep stopped; starting it again with the same name goes on</source>
        <translation>Sweep angehalten; erneut unter demselben Namen gestartet, macht er weiter</translation>
    </message>
    <message>
        <source>Sweep ended with problems: %1</source>
        <translation>Sweep mit Problemen beendet: %1</translation>
    </message>
    <message>
        <source>Export Benchmark Table</source>
        <translation>Benchmark-Tabelle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export Benchmark Image</source>
        <translation>Benchmark-Bild exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>No runs yet. Train runs in the Training panel, or start a sweep with New Sweep….</source>
        <translation>Noch keine Läufe. Trainieren Sie Läufe im Panel „Training“ oder starten Sie einen Sweep mit „Neuer Sweep…“.</translation>
    </message>
    <message>
        <source>No runs tested on the towers yet (pretraining runs are tested on TEM-MDM).</source>
        <translation>Noch keine an den Türmen getesteten Läufe (Vortrainingsläufe werden an TEM-MDM getestet).</translation>
    </message>
    <message>
        <source>No runs of %1 with %2 in this protocol</source>
        <translation>Keine Läufe von %1 mit %2 in diesem Protokoll</translation>
    </message>
    <message>
        <source>%1 of %2 folds</source>
        <translation>%1 von %2 Folds</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %2: %3 over %n seed(s) (%4); click to select its runs in the Runs panel</source>
        <translation>
            <numerusform>%1 mit %2: %3 über %n Seed (%4); Klicken wählt die Läufe im Panel „Läufe“ aus</numerusform>
            <numerusform>%1 mit %2: %3 über %n Seeds (%4); Klicken wählt die Läufe im Panel „Läufe“ aus</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, lower is better</source>
        <translation>%1, niedriger ist besser</translation>
    </message>
    <message>
        <source>%1, higher is better</source>
        <translation>%1, höher ist besser</translation>
    </message>
    <message>
        <source>%1, nearer 0 is better</source>
        <translation>%1, näher an 0 ist besser</translation>
    </message>
    <message>
        <source>Mean ± standard deviation over seeds; the change against scratch below; the best of each row in bold; colours from the worst (dark) to the best (yellow) cell.</source>
        <translation>Mittelwert ± Standardabweichung über die Seeds; darunter die Änderung gegenüber scratch; das Beste jeder Zeile fett; Farben von der schlechtesten (dunkel) bis zur besten (gelb) Zelle.</translation>
    </message>
    <message>
        <source>Each seed&apos;s folds are averaged first.</source>
        <translation>Die Folds jedes Seeds werden zuerst gemittelt.</translation>
    </message>
    <message>
        <source>Mean change against scratch: %1.</source>
        <translation>Mittlere Änderung gegenüber scratch: %1.</translation>
    </message>
    <message>
        <source>There is no table to export</source>
        <translation>Es gibt keine Tabelle zum Exportieren</translation>
    </message>
    <message>
        <source>Open a dataset first</source>
        <translation>Öffnen Sie zuerst einen Datensatz</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>%1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Sweep %1 started: its runs appear here as they finish</source>
        <translation>Sweep %1 gestartet: seine Läufe erscheinen hier, sobald sie fertig sind</translation>
    </message>
    <message>
        <source>New Sweep</source>
        <translation>Neuer Sweep</translation>
    </message>
    <message numerus="yes">
        <source>spatial (%n folds)</source>
        <translation>
            <numerusform>räumlich (%n Teilmenge)</numerusform>
            <numerusform>räumlich (%n Teilmengen)</numerusform>
        </translation>
    </message>
    <message>
        <source>temporal</source>
        <translation>zeitlich</translation>
    </message>
    <message numerus="yes">
        <source>, %n tower(s)</source>
        <translation>
            <numerusform>, %n Turm</numerusform>
            <numerusform>, %n Türme</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 recipe)</source>
        <translation> (Rezept %1)</translation>
    </message>
    <message>
        <source>, %1 % of training site-years</source>
        <translation>, %1 % der Trainings-Standortjahre</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) left out: a later run has the same model, method, seed and fold.</source>
        <translation>
            <numerusform>%n Lauf ausgelassen: ein späterer Lauf hat dasselbe Modell, dieselbe Methode, denselben Seed und dieselbe Teilmenge.</numerusform>
            <numerusform>%n Läufe ausgelassen: ein späterer Lauf hat dasselbe Modell, dieselbe Methode, denselben Seed und dieselbe Teilmenge.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (counted instead: %2)</source>
        <translation>%1 (stattdessen gezählt: %2)</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Ausgelassen:</translation>
    </message>
    <message>
        <source>Measured days from %1: the runs differ (older runs took FCH4_F, which is partly gap-filled).</source>
        <translation>Messtage aus %1: die Läufe unterscheiden sich (ältere Läufe nahmen FCH4_F, das teils lückengefüllt ist).</translation>
    </message>
    <message>
        <source>Measured days: FCH4, not gap-filled.</source>
        <translation>Messtage: FCH4, nicht lückengefüllt.</translation>
    </message>
    <message>
        <source>Measured days from %1.</source>
        <translation>Messtage aus %1.</translation>
    </message>
</context>
<context>
    <name>xmw::ui::BudgetCharts</name>
    <message>
        <source>Years</source>
        <translation>Jahre</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Monate</translation>
    </message>
    <message>
        <source>Seasonal cycle</source>
        <translation>Jahresgang</translation>
    </message>
    <message>
        <source>Zonal profile</source>
        <translation>Zonales Profil</translation>
    </message>
    <message>
        <source>Each year&apos;s total: the interannual variability of each source</source>
        <translation>Die Summe jedes Jahres: die Schwankung jeder Quelle von Jahr zu Jahr</translation>
    </message>
    <message>
        <source>Each month&apos;s total through the years</source>
        <translation>Die Summe jedes Monats über die Jahre</translation>
    </message>
    <message>
        <source>The mean of each calendar month over the years, for each band and region</source>
        <translation>Das Mittel jedes Kalendermonats über die Jahre, für jedes Band und jede Region</translation>
    </message>
    <message>
        <source>The mean flux per m² of wetland against latitude, in bands of at least 1°</source>
        <translation>Der mittlere Fluss pro m² Feuchtgebiet über der geografischen Breite, in Bändern von mindestens 1°</translation>
    </message>
    <message>
        <source>Tg CH₄</source>
        <translation>Tg CH₄</translation>
    </message>
    <message>
        <source>No figure to save</source>
        <translation>Keine Abbildung zum Speichern</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <source>%1 per year — %2</source>
        <translation>%1 pro Jahr — %2</translation>
    </message>
    <message>
        <source>%1 per month — %2</source>
        <translation>%1 pro Monat — %2</translation>
    </message>
    <message>
        <source>%1 per month, mean over the years — %2</source>
        <translation>%1 pro Monat, Mittel über die Jahre — %2</translation>
    </message>
    <message>
        <source>mean flux per m² of wetland (%1) against latitude (°)</source>
        <translation>mittlerer Fluss pro m² Feuchtgebiet (%1) über der Breite (°)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::BudgetPanel</name>
    <message>
        <source>The region of the Years and Months figures</source>
        <translation>Die Region der Abbildungen „Jahre“ und „Monate“</translation>
    </message>
    <message>
        <source>The source of the Seasonal cycle figure</source>
        <translation>Die Quelle der Abbildung „Jahresgang“</translation>
    </message>
    <message>
        <source>Wetland Map…</source>
        <translation>Feuchtgebietskarte…</translation>
    </message>
    <message>
        <source>A CF NetCDF map of the wetland fraction or area of each cell (WAD2M&apos;s Fw, GIEMS-2, …): totals in Tg need one</source>
        <translation>Eine CF-NetCDF-Karte des Feuchtgebietsanteils oder der Feuchtgebietsfläche jeder Zelle (Fw von WAD2M, GIEMS-2, …): Summen in Tg brauchen eine</translation>
    </message>
    <message>
        <source>Add Upscaled Run</source>
        <translation>Hochskalierten Lauf hinzufügen</translation>
    </message>
    <message>
        <source>A run upscaled in this session, or a NetCDF file of xmw upscale or of Save Prediction as NetCDF: its budget and its difference from TEM-MDM</source>
        <translation>Ein in dieser Sitzung hochskalierter Lauf oder eine NetCDF-Datei von xmw upscale oder „Vorhersage als NetCDF speichern“: seine Bilanz und seine Differenz zu TEM-MDM</translation>
    </message>
    <message>
        <source>Remove Runs</source>
        <translation>Läufe entfernen</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>Jahre:</translation>
    </message>
    <message>
        <source>Globe and GCP bands</source>
        <translation>Globus und GCP-Bänder</translation>
    </message>
    <message>
        <source>… and a box</source>
        <translation>… und ein Rechteck</translation>
    </message>
    <message>
        <source>… and GeoJSON polygons</source>
        <translation>… und GeoJSON-Polygone</translation>
    </message>
    <message>
        <source>The globe and the Global Carbon Project&apos;s bands 90–30°S, 30°S–30°N, 30–60°N and 60–90°N are always summed; a region of your own may join them</source>
        <translation>Der Globus und die Bänder des Global Carbon Project 90–30°S, 30°S–30°N, 30–60°N und 60–90°N werden immer summiert; eine eigene Region kann hinzukommen</translation>
    </message>
    <message>
        <source>S, N, W, E</source>
        <translation>S, N, W, O</translation>
    </message>
    <message>
        <source>South, north, west and east edges in degrees, e.g. 45, 70, -100, -60 (west &gt; east crosses 180°)</source>
        <translation>Süd-, Nord-, West- und Ostrand in Grad, z. B. 45, 70, -100, -60 (West &gt; Ost überquert 180°)</translation>
    </message>
    <message>
        <source>GeoJSON…</source>
        <translation>GeoJSON…</translation>
    </message>
    <message>
        <source>Draw on Map</source>
        <translation>Auf Karte zeichnen</translation>
    </message>
    <message>
        <source>On the flat map: click the corners, double-click or press Enter to close the region, Esc to give up</source>
        <translation>Auf der flachen Karte: die Ecken anklicken, Doppelklick oder Eingabetaste schließt die Region, Esc bricht ab</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation>Regionen:</translation>
    </message>
    <message>
        <source>Wetland Map</source>
        <translation>Feuchtgebietskarte</translation>
    </message>
    <message>
        <source>NetCDF files (*.nc *.nc4)</source>
        <translation>NetCDF-Dateien (*.nc *.nc4)</translation>
    </message>
    <message>
        <source>GeoJSON Regions</source>
        <translation>GeoJSON-Regionen</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson *.json)</source>
        <translation>GeoJSON-Dateien (*.geojson *.json)</translation>
    </message>
    <message>
        <source>Export Budget Table</source>
        <translation>Bilanztabelle exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export Budget Figure</source>
        <translation>Bilanzabbildung exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>From a NetCDF File…</source>
        <translation>Aus einer NetCDF-Datei…</translation>
    </message>
    <message>
        <source>NetCDF files (*.nc)</source>
        <translation>NetCDF-Dateien (*.nc)</translation>
    </message>
    <message>
        <source>Upscaled in this session</source>
        <translation>In dieser Sitzung hochskaliert</translation>
    </message>
    <message>
        <source>No folder for the upscaled runs&apos; files: %1</source>
        <translation>Kein Ordner für die Dateien der hochskalierten Läufe: %1</translation>
    </message>
    <message>
        <source>Writing %1 for the budget</source>
        <translation>%1 für die Bilanz schreiben</translation>
    </message>
    <message>
        <source>%1: its grid is not the open dataset&apos;s</source>
        <translation>%1: sein Gitter ist nicht das des geöffneten Datensatzes</translation>
    </message>
    <message>
        <source>A box is four numbers: south, north, west, east (degrees), e.g. 45, 70, -100, -60</source>
        <translation>Ein Rechteck sind vier Zahlen: Süd, Nord, West, Ost (Grad), z. B. 45, 70, -100, -60</translation>
    </message>
    <message numerus="yes">
        <source>Drawn region (%n corners)</source>
        <translation>
            <numerusform>Gezeichnete Region (%n Ecke)</numerusform>
            <numerusform>Gezeichnete Region (%n Ecken)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 − TEM-MDM</source>
        <translation>%1 − TEM-MDM</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>Quellen: %1</translation>
    </message>
    <message>
        <source>No wetland map: mean fluxes only</source>
        <translation>Keine Feuchtgebietskarte: nur mittlere Flüsse</translation>
    </message>
    <message>
        <source>Wetland map: %1</source>
        <translation>Feuchtgebietskarte: %1</translation>
    </message>
    <message>
        <source>Open a dataset with TEM-MDM grids to compute budgets.</source>
        <translation>Öffnen Sie einen Datensatz mit TEM-MDM-Gittern, um Bilanzen zu berechnen.</translation>
    </message>
    <message>
        <source>Totals in Tg CH₄: flux × cell area × wetland fraction, the wetland from %1 regridded to the grid; mean flux per m² of wetland, weighted by wetland area.</source>
        <translation>Summen in Tg CH₄: Fluss × Zellfläche × Feuchtgebietsanteil, das Feuchtgebiet aus %1 auf das Gitter umgerechnet; mittlerer Fluss pro m² Feuchtgebiet, gewichtet mit der Feuchtgebietsfläche.</translation>
    </message>
    <message>
        <source>No wetland map: mean flux per m² of wetland, weighted by cell area, and no totals — X-MethaneWet&apos;s emission is per m² of wetland, so a total needs the wetland area (Wetland Map…).</source>
        <translation>Keine Feuchtgebietskarte: mittlerer Fluss pro m² Feuchtgebiet, gewichtet mit der Zellfläche, und keine Summen — die Emission von X-MethaneWet gilt pro m² Feuchtgebiet, eine Summe braucht also die Feuchtgebietsfläche (Feuchtgebietskarte…).</translation>
    </message>
    <message>
        <source>365-day years (29 February left out); a cell counts where its centre lies. Bold: the mean ± sd over the years.</source>
        <translation>Jahre mit 365 Tagen (ohne 29. Februar); eine Zelle zählt dort, wo ihr Mittelpunkt liegt. Fett: Mittel ± Standardabweichung über die Jahre.</translation>
    </message>
    <message>
        <source>* Some months&apos; wetland is the map&apos;s monthly climatology (the map has no data for them).</source>
        <translation>* Für einige Monate ist das Feuchtgebiet die monatliche Klimatologie der Karte (die Karte hat für sie keine Daten).</translation>
    </message>
    <message>
        <source>Give the box as south, north, west, east</source>
        <translation>Geben Sie das Rechteck als Süd, Nord, West, Ost an</translation>
    </message>
    <message>
        <source>Draw the region on the map first (Draw on Map)</source>
        <translation>Zeichnen Sie zuerst die Region auf der Karte (Auf Karte zeichnen)</translation>
    </message>
    <message>
        <source>Choose a GeoJSON file first (GeoJSON…)</source>
        <translation>Wählen Sie zuerst eine GeoJSON-Datei (GeoJSON…)</translation>
    </message>
    <message>
        <source>Budget %1–%2</source>
        <translation>Bilanz %1–%2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <source>Tg CH₄</source>
        <translation>Tg CH₄</translation>
    </message>
    <message>
        <source>Mean flux (%1)</source>
        <translation>Mittlerer Fluss (%1)</translation>
    </message>
    <message>
        <source>Wetland (Mkm²)</source>
        <translation>Feuchtgebiet (Mio. km²)</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>Zellen</translation>
    </message>
    <message>
        <source>mean ± sd</source>
        <translation>Mittel ± SA</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>Compute a budget first</source>
        <translation>Berechnen Sie zuerst eine Bilanz</translation>
    </message>
    <message>
        <source>Globe</source>
        <translation>Globus</translation>
    </message>
    <message>
        <source>Box %1</source>
        <translation>Rechteck %1</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Summen</translation>
    </message>
    <message>
        <source>Mean flux</source>
        <translation>Mittlerer Fluss</translation>
    </message>
    <message>
        <source>The Years, Months and Seasonal cycle figures as totals in Tg CH₄ or as the mean flux per m² of wetland (totals need a wetland map)</source>
        <translation>Die Abbildungen „Jahre“, „Monate“ und „Jahresgang“ als Summen in Tg CH₄ oder als mittlerer Fluss pro m² Feuchtgebiet (Summen brauchen eine Feuchtgebietskarte)</translation>
    </message>
    <message>
        <source>… and a drawn region</source>
        <translation>… und eine gezeichnete Region</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>Tabelle als CSV…</translation>
    </message>
    <message>
        <source>Figure as PNG…</source>
        <translation>Abbildung als PNG…</translation>
    </message>
    <message>
        <source>Tg CH₄ = flux × cell area × wetland fraction (%1); 365-day years; bold: the mean ± sd over the years.</source>
        <translation>Tg CH₄ = Fluss × Zellfläche × Feuchtgebietsanteil (%1); Jahre mit 365 Tagen; fett: Mittel ± SA über die Jahre.</translation>
    </message>
    <message>
        <source>No wetland map: mean fluxes per m² of wetland only, no totals (Wetland Map…).</source>
        <translation>Keine Feuchtgebietskarte: nur mittlere Flüsse pro m² Feuchtgebiet, keine Summen (Feuchtgebietskarte…).</translation>
    </message>
    <message>
        <source>*: the map&apos;s climatology.</source>
        <translation>*: Klimatologie der Karte.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ColourBar</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>+%n weitere</numerusform>
            <numerusform>+%n weitere</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xmw::ui::ColourScale</name>
    <message>
        <source>magma</source>
        <translation>magma</translation>
    </message>
    <message>
        <source>cividis</source>
        <translation>cividis</translation>
    </message>
    <message>
        <source>diverging (blue–red)</source>
        <translation>divergierend (blau–rot)</translation>
    </message>
    <message>
        <source>viridis</source>
        <translation>viridis</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>Klassen</translation>
    </message>
</context>
<context>
    <name>xmw::ui::DatasetLoader</name>
    <message>
        <source>Opening %1</source>
        <translation>%1 wird geöffnet</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportAnimationReaction</name>
    <message>
        <source>Export Animation</source>
        <translation>Animation exportieren</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportMapReaction</name>
    <message>
        <source>Export Map Image</source>
        <translation>Kartenbild exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export Flat Map Figure</source>
        <translation>Flache Kartenabbildung exportieren</translation>
    </message>
    <message>
        <source>Map image copied</source>
        <translation>Kartenbild kopiert</translation>
    </message>
    <message>
        <source>PNG images (*.png);;PDF documents (*.pdf)</source>
        <translation>PNG-Bilder (*.png);;PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>There is no map to export.</source>
        <translation>Es gibt keine Karte zum Exportieren.</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportPredictionReaction</name>
    <message>
        <source>Export Prediction</source>
        <translation>Vorhersage exportieren</translation>
    </message>
    <message>
        <source>NetCDF files (*.nc)</source>
        <translation>NetCDF-Dateien (*.nc)</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>%1 wird exportiert</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportReactions</name>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportSeriesReaction</name>
    <message>
        <source>Export Time Series Figure</source>
        <translation>Zeitreihen-Abbildung exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>PDF-Dokumente (*.pdf);;SVG-Zeichnungen (*.svg);;PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Export Time Series Data</source>
        <translation>Zeitreihen-Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::FigureSizeDialog</name>
    <message>
        <source>Figure Size</source>
        <translation>Abbildungsgröße</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Eigene</translation>
    </message>
    <message>
        <source>One column (85 mm)</source>
        <translation>Eine Spalte (85 mm)</translation>
    </message>
    <message>
        <source>One and a half columns (120 mm)</source>
        <translation>Anderthalb Spalten (120 mm)</translation>
    </message>
    <message>
        <source>Two columns (180 mm)</source>
        <translation>Zwei Spalten (180 mm)</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>inches</source>
        <translation>Zoll</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> pt</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>The world is twice as wide as it is high; the colour bar is added below</source>
        <translation>Die Welt ist doppelt so breit wie hoch; die Farbleiste kommt darunter hinzu</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>Breite</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>Höhe</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Schriftgröße</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Auflösung</translation>
    </message>
    <message>
        <source> in</source>
        <translation> in</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>PNG: %1 × %2 pixels</source>
        <translation>PNG: %1 × %2 Pixel</translation>
    </message>
    <message>
        <source> (map; the colour bar adds below)</source>
        <translation> (Karte; die Farbleiste kommt darunter hinzu)</translation>
    </message>
    <message>
        <source>Dots per inch of a PNG, and of the map image inside a PDF; text and lines of PDF and SVG are vectors</source>
        <translation>Punkte pro Zoll eines PNG und des Kartenbilds in einem PDF; Text und Linien in PDF und SVG sind Vektoren</translation>
    </message>
</context>
<context>
    <name>xmw::ui::FluxUnitChoice</name>
    <message>
        <source>Show every methane flux of the window (map, colour bar, status bar, plots, tables, exports) in %1; 1 nmol CH4 m-2 s-1 = %2 mg CH4 m-2 d-1</source>
        <translation>Jeden Methanfluss des Fensters (Karte, Farbleiste, Statusleiste, Diagramme, Tabellen, Exporte) in %1 zeigen; 1 nmol CH4 m-2 s-1 = %2 mg CH4 m-2 d-1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::LayerBox</name>
    <message>
        <source>The TEM-MDM variable, or an upscaled run&apos;s prediction, shown on the map</source>
        <translation>Die TEM-MDM-Variable oder die Vorhersage eines hochskalierten Laufs, auf der Karte gezeigt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Prediction − TEM-MDM: %1</source>
        <translation>Vorhersage − TEM-MDM: %1</translation>
    </message>
    <message>
        <source>Prediction: %1</source>
        <translation>Vorhersage: %1</translation>
    </message>
    <message>
        <source>The run&apos;s daily CH4 minus TEM-MDM&apos;s, per cell, on a diverging scale</source>
        <translation>Das tägliche CH4 des Laufs minus das von TEM-MDM, je Zelle, auf einer divergierenden Skala</translation>
    </message>
    <message>
        <source>The run applied to every land cell of %1</source>
        <translation>Der Lauf, angewandt auf jede Landzelle von %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::MainWindow</name>
    <message>
        <source>X-MethaneWet Explorer</source>
        <translation>X-MethaneWet Explorer</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Reset View</source>
        <translation>Ansicht &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Look at the globe from the default position and distance</source>
        <translation>Den Globus aus der Standardposition und -entfernung betrachten</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About X-MethaneWet Explorer</source>
        <translation>&amp;Über X-MethaneWet Explorer</translation>
    </message>
    <message>
        <source>Off the globe</source>
        <translation>Außerhalb des Globus</translation>
    </message>
    <message>
        <source>Could not read the map: %1</source>
        <translation>Die Karte konnte nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation>Datensatz &amp;öffnen…</translation>
    </message>
    <message>
        <source>Open a folder in the X-MethaneWet layout (TEM-MDM/, FLUXNET-CH4/)</source>
        <translation>Einen Ordner im X-MethaneWet-Format öffnen (TEM-MDM/, FLUXNET-CH4/)</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>%1 — X-MethaneWet Explorer</source>
        <translation>%1 — X-MethaneWet Explorer</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Could not open the dataset</source>
        <translation>Der Datensatz konnte nicht geöffnet werden</translation>
    </message>
    <message>
        <source> — %1 %2 %3</source>
        <translation> — %1 %2 %3</translation>
    </message>
    <message>
        <source> — %1 no value</source>
        <translation> — %1 kein Wert</translation>
    </message>
    <message>
        <source> [%1]</source>
        <translation> [%1]</translation>
    </message>
    <message>
        <source>static field</source>
        <translation>statisches Feld</translation>
    </message>
    <message>
        <source>No tower selected</source>
        <translation>Kein Turm ausgewählt</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>Ausgewählt: %1</translation>
    </message>
    <message>
        <source>Time series</source>
        <translation>Zeitreihen</translation>
    </message>
    <message>
        <source>Could not read the towers&apos; series: %1</source>
        <translation>Die Reihen der Türme konnten nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>&amp;Karte</translation>
    </message>
    <message>
        <source>&amp;Previous Day</source>
        <translation>&amp;Vorheriger Tag</translation>
    </message>
    <message>
        <source>&amp;Next Day</source>
        <translation>&amp;Nächster Tag</translation>
    </message>
    <message>
        <source>Previous &amp;Month</source>
        <translation>Vorheriger &amp;Monat</translation>
    </message>
    <message>
        <source>Next M&amp;onth</source>
        <translation>Nächster M&amp;onat</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Standorte</translation>
    </message>
    <message>
        <source>&amp;Find Site…</source>
        <translation>Standort &amp;suchen…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportieren</translation>
    </message>
    <message>
        <source>&amp;Map Image…</source>
        <translation>&amp;Kartenbild…</translation>
    </message>
    <message>
        <source>&amp;Copy Map Image</source>
        <translation>Kartenbild &amp;kopieren</translation>
    </message>
    <message>
        <source>Time Series &amp;Figure…</source>
        <translation>Zeitreihen-&amp;Abbildung…</translation>
    </message>
    <message>
        <source>Time Series &amp;Data (CSV)…</source>
        <translation>Zeitreihen-&amp;Daten (CSV)…</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
    <message>
        <source>Step through the days; the map follows as fast as it can be read</source>
        <translation>Die Tage durchlaufen; die Karte folgt, so schnell sie gelesen werden kann</translation>
    </message>
    <message>
        <source>fixed colour range</source>
        <translation>fester Farbbereich</translation>
    </message>
    <message>
        <source>colours span the minimum to the maximum</source>
        <translation>Farben reichen vom Minimum zum Maximum</translation>
    </message>
    <message>
        <source>colours span the 2nd to 98th percentile</source>
        <translation>Farben reichen vom 2. bis zum 98. Perzentil</translation>
    </message>
    <message>
        <source>, centred on zero</source>
        <translation>, um null zentriert</translation>
    </message>
    <message>
        <source>, log scale</source>
        <translation>, logarithmische Skala</translation>
    </message>
    <message>
        <source> (no positive values for a log scale)</source>
        <translation> (keine positiven Werte für eine logarithmische Skala)</translation>
    </message>
    <message>
        <source>%1%2, %3 — %4</source>
        <translation>%1%2, %3 — %4</translation>
    </message>
    <message>
        <source>%1 annual mean</source>
        <translation>Jahresmittel %1</translation>
    </message>
    <message>
        <source>%1 monthly mean</source>
        <translation>Monatsmittel %1</translation>
    </message>
    <message>
        <source>No TEM-MDM data at %1 (ocean or missing)</source>
        <translation>Keine TEM-MDM-Daten bei %1 (Ozean oder fehlend)</translation>
    </message>
    <message>
        <source>Selected cell %1</source>
        <translation>Zelle %1 ausgewählt</translation>
    </message>
    <message>
        <source>Tower &amp;Labels</source>
        <translation>Turm&amp;beschriftungen</translation>
    </message>
    <message>
        <source>Write each tower&apos;s id beside it</source>
        <translation>Die Kennung jedes Turms daneben schreiben</translation>
    </message>
    <message>
        <source>About the &amp;Data</source>
        <translation>Über die &amp;Daten</translation>
    </message>
    <message>
        <source>What TEM-MDM and FLUXNET-CH4 are, how they differ, and what the benchmark asks</source>
        <translation>Was TEM-MDM und FLUXNET-CH4 sind, wie sie sich unterscheiden und was der Benchmark verlangt</translation>
    </message>
    <message>
        <source>Open &amp;Demo Dataset</source>
        <translation>&amp;Demo-Datensatz öffnen</translation>
    </message>
    <message>
        <source>The synthetic demo dataset (made in your data folder the first time)</source>
        <translation>Der synthetische Demo-Datensatz (beim ersten Mal in Ihrem Datenordner erstellt)</translation>
    </message>
    <message>
        <source>Making the synthetic demo dataset in %1…</source>
        <translation>Der synthetische Demo-Datensatz wird in %1 erstellt …</translation>
    </message>
    <message>
        <source>Could not make the demo dataset: %1</source>
        <translation>Der Demo-Datensatz konnte nicht erstellt werden: %1</translation>
    </message>
    <message>
        <source>The globe with its colour bar and legend, as on screen</source>
        <translation>Der Globus mit Farbskala und Legende, wie auf dem Bildschirm</translation>
    </message>
    <message>
        <source>&amp;Flat Map Figure…</source>
        <translation>&amp;Flache Kartenabbildung …</translation>
    </message>
    <message>
        <source>The whole world as a flat (equirectangular) map at a width you choose, with towers and colour bar</source>
        <translation>Die ganze Welt als flache (abstandstreue Zylinder-)Karte in einer gewählten Breite, mit Türmen und Farbskala</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>&amp;Präsentationsmodus</translation>
    </message>
    <message>
        <source>Full screen, larger text, the globe turning slowly and the days playing (F11 or Esc ends it)</source>
        <translation>Vollbild, größere Schrift, der Globus dreht sich langsam und die Tage laufen ab (F11 oder Esc beendet ihn)</translation>
    </message>
    <message>
        <source>&amp;Flat Map</source>
        <translation>&amp;Flache Karte</translation>
    </message>
    <message>
        <source>Show the layer on a flat (equirectangular) map instead of the globe</source>
        <translation>Die Ebene auf einer flachen (abstandstreuen Zylinder-)Karte statt auf dem Globus zeigen</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Training finished: %1</source>
        <translation>Training beendet: %1</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>Training läuft</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Läufe</translation>
    </message>
    <message>
        <source>&amp;Prediction (CF NetCDF)…</source>
        <translation>&amp;Vorhersage (CF-NetCDF)…</translation>
    </message>
    <message>
        <source>The upscaled prediction layer on the map, with TEM-MDM&apos;s values for the same cells, as CF NetCDF</source>
        <translation>Die hochskalierte Vorhersageebene der Karte, mit den TEM-MDM-Werten derselben Zellen, als CF-NetCDF</translation>
    </message>
    <message numerus="yes">
        <source>Upscaled %1: %n land cell(s) in %2 s</source>
        <translation>
            <numerusform>%1 hochskaliert: %n Landzelle in %2 s</numerusform>
            <numerusform>%1 hochskaliert: %n Landzellen in %2 s</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a run of this dataset (its runs/ folder): %1</source>
        <translation>Kein Lauf dieses Datensatzes (seines Ordners runs/): %1</translation>
    </message>
    <message>
        <source>Could not upscale %1 over %2</source>
        <translation>%1 konnte nicht über %2 hochskaliert werden</translation>
    </message>
    <message>
        <source> (28 February: the benchmark&apos;s years have 365 days)</source>
        <translation> (28. Februar: die Jahre des Benchmarks haben 365 Tage)</translation>
    </message>
    <message>
        <source>Prediction − TEM-MDM, %1</source>
        <translation>Vorhersage − TEM-MDM, %1</translation>
    </message>
    <message>
        <source>Prediction, %1</source>
        <translation>Vorhersage, %1</translation>
    </message>
    <message>
        <source>Training jobs are still running or waiting. Cancel them and close? A canceled job keeps its last finished epoch; the Training panel offers to resume it when this dataset is opened again (or use xmw train … --resume).</source>
        <translation>Trainingsjobs laufen noch oder warten. Abbrechen und schließen? Ein abgebrochener Job behält seine letzte fertige Epoche; das Trainingsfenster bietet an, ihn fortzusetzen, wenn dieser Datensatz wieder geöffnet wird (oder mit xmw train … --resume).</translation>
    </message>
    <message>
        <source>Flux &amp;Unit</source>
        <translation>Fluss&amp;einheit</translation>
    </message>
    <message>
        <source>%1 is outside the dataset&apos;s days, %2 to %3</source>
        <translation>%1 liegt außerhalb der Tage des Datensatzes, %2 bis %3</translation>
    </message>
    <message>
        <source>No tower &apos;%1&apos; in this dataset</source>
        <translation>Kein Turm &apos;%1&apos; in diesem Datensatz</translation>
    </message>
    <message>
        <source>No variable &apos;%1&apos; in this dataset (it has %2)</source>
        <translation>Keine Variable &apos;%1&apos; in diesem Datensatz (er hat %2)</translation>
    </message>
    <message>
        <source>one colour per class</source>
        <translation>eine Farbe je Klasse</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>A sweep is running</source>
        <translation>Ein Sweep läuft</translation>
    </message>
    <message>
        <source>A sweep is training in the background. Stop it and close? Each running run keeps its last finished epoch; starting the same sweep again goes on from there.</source>
        <translation>Ein Sweep trainiert im Hintergrund. Anhalten und schließen? Jeder laufende Lauf behält seine letzte abgeschlossene Epoche; derselbe Sweep, erneut gestartet, macht dort weiter.</translation>
    </message>
    <message>
        <source>Making the demo dataset</source>
        <translation>Demo-Datensatz wird erstellt</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>Take the &amp;Tour</source>
        <translation>&amp;Tour starten</translation>
    </message>
    <message>
        <source>A few steps through the globe, the towers, the day, the time series and training</source>
        <translation>Ein paar Schritte durch Globus, Türme, Tag, Zeitreihe und Training</translation>
    </message>
    <message>
        <source>&amp;Animation…</source>
        <translation>&amp;Animation…</translation>
    </message>
    <message>
        <source>The map over a period as a video (MP4, WebM) or GIF, with colour bar, date and towers</source>
        <translation>Die Karte über einen Zeitraum als Video (MP4, WebM) oder GIF, mit Farbleiste, Datum und Türmen</translation>
    </message>
    <message>
        <source>Exporting the animation %1</source>
        <translation>Animation %1 wird exportiert</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1: %n frame(s) in %2 s (%3 frames/s)</source>
        <translation>
            <numerusform>%1 gespeichert: %n Bild in %2 s (%3 Bilder/s)</numerusform>
            <numerusform>%1 gespeichert: %n Bilder in %2 s (%3 Bilder/s)</numerusform>
        </translation>
    </message>
    <message>
        <source>An animation is being exported</source>
        <translation>Eine Animation wird exportiert</translation>
    </message>
    <message>
        <source>An animation is still being written. Stop it and close? The unfinished video is not kept.</source>
        <translation>Eine Animation wird noch geschrieben. Abbrechen und schließen? Das unfertige Video wird nicht behalten.</translation>
    </message>
    <message>
        <source>%1 and the cell at %2</source>
        <translation>%1 und die Zelle bei %2</translation>
    </message>
    <message numerus="yes">
        <source>, log scale over %n decade(s) from %1</source>
        <translation>
            <numerusform>, logarithmische Skala über %n Dekade ab %1</numerusform>
            <numerusform>, logarithmische Skala über %n Dekaden ab %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Bilanz</translation>
    </message>
    <message>
        <source>Click the region&apos;s corners on the map; double-click or Enter closes it, Backspace takes a corner back, Esc gives up</source>
        <translation>Klicken Sie die Ecken der Region auf der Karte an; Doppelklick oder Eingabetaste schließt sie, Rücktaste nimmt eine Ecke zurück, Esc bricht ab</translation>
    </message>
    <message>
        <source>no wetland</source>
        <translation>kein Feuchtgebiet</translation>
    </message>
</context>
<context>
    <name>xmw::ui::MapStyleBar</name>
    <message>
        <source>Colours</source>
        <translation>Farben</translation>
    </message>
    <message>
        <source>&amp;Log Scale</source>
        <translation>&amp;Logarithmische Skala</translation>
    </message>
    <message>
        <source>Colour map: viridis, magma and cividis are perceptually uniform (cividis also for red-green colour blindness); the diverging map is centred on zero, for anomalies</source>
        <translation>Farbskala: viridis, magma und cividis sind wahrnehmungsgleichmäßig (cividis auch bei Rot-Grün-Sehschwäche); die divergierende Skala ist um null zentriert, für Anomalien</translation>
    </message>
    <message>
        <source>2–98 percentile</source>
        <translation>2.–98. Perzentil</translation>
    </message>
    <message>
        <source>minimum–maximum</source>
        <translation>Minimum–Maximum</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>fest</translation>
    </message>
    <message>
        <source>Colour range: from each day&apos;s field (percentiles ignore a few extreme cells), or fixed, so that colours mean the same on every day</source>
        <translation>Farbbereich: aus dem Feld des Tages (Perzentile übergehen wenige extreme Zellen) oder fest, damit Farben an jedem Tag dasselbe bedeuten</translation>
    </message>
    <message>
        <source>The value at the bottom of the colour ramp</source>
        <translation>Der Wert am unteren Ende der Farbskala</translation>
    </message>
    <message>
        <source>The value at the top of the colour ramp</source>
        <translation>Der Wert am oberen Ende der Farbskala</translation>
    </message>
    <message>
        <source>Colours on a logarithmic scale (sequential colour maps): emission spans orders of magnitude</source>
        <translation>Farben auf logarithmischer Skala (sequenzielle Farbskalen): Emissionen umfassen Größenordnungen</translation>
    </message>
    <message>
        <source>Colours </source>
        <translation>Farben </translation>
    </message>
</context>
<context>
    <name>xmw::ui::MapToolBar</name>
    <message>
        <source>Map</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>The day shown (static fields do not change with it; NPP is monthly)</source>
        <translation>Der gezeigte Tag (statische Felder ändern sich nicht mit ihm; NPP ist monatlich)</translation>
    </message>
    <message>
        <source>Variable </source>
        <translation>Variable </translation>
    </message>
    <message>
        <source>Drag through the whole record; the calendar beside it picks a day</source>
        <translation>Durch den ganzen Zeitraum ziehen; der Kalender daneben wählt einen Tag</translation>
    </message>
    <message>
        <source>Date </source>
        <translation>Datum </translation>
    </message>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>monthly mean</source>
        <translation>Monatsmittel</translation>
    </message>
    <message>
        <source>annual mean</source>
        <translation>Jahresmittel</translation>
    </message>
    <message>
        <source>Show the day, or the mean of its month or calendar year (Play then steps by month or year)</source>
        <translation>Den Tag zeigen oder das Mittel seines Monats oder Kalenderjahres (Abspielen geht dann monats- oder jahresweise)</translation>
    </message>
    <message>
        <source> days/s</source>
        <translation> Tage/s</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>Abspielgeschwindigkeit</translation>
    </message>
</context>
<context>
    <name>xmw::ui::OpenDatasetReaction</name>
    <message>
        <source>Open X-MethaneWet Dataset</source>
        <translation>X-MethaneWet-Datensatz öffnen</translation>
    </message>
</context>
<context>
    <name>xmw::ui::PlayReaction</name>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Pause</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>&amp;Abspielen</translation>
    </message>
</context>
<context>
    <name>xmw::ui::RecentDatasetsMenu</name>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>Menü &amp;leeren</translation>
    </message>
</context>
<context>
    <name>xmw::ui::RunBrowser</name>
    <message>
        <source>temporal</source>
        <translation>zeitlich</translation>
    </message>
    <message>
        <source>spatial, all folds</source>
        <translation>räumlich, alle Teilmengen</translation>
    </message>
    <message>
        <source>spatial, fold %1</source>
        <translation>räumlich, Teilmenge %1</translation>
    </message>
    <message>
        <source>Filter runs by name, model, method or notes</source>
        <translation>Läufe nach Name, Modell, Methode oder Notizen filtern</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Aktualisieren</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen …</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run file(s)? This cannot be undone.</source>
        <translation>
            <numerusform>%n Lauf-Datei löschen? Das lässt sich nicht rückgängig machen.</numerusform>
            <numerusform>%n Lauf-Dateien löschen? Das lässt sich nicht rückgängig machen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Metrics…</source>
        <translation>Kennzahlen exportieren …</translation>
    </message>
    <message>
        <source>Export Run Metrics</source>
        <translation>Kennzahlen der Läufe exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>RMSE</source>
        <translation>RMSE</translation>
    </message>
    <message>
        <source>R²</source>
        <translation>R²</translation>
    </message>
    <message>
        <source>NSE</source>
        <translation>NSE</translation>
    </message>
    <message>
        <source>KGE</source>
        <translation>KGE</translation>
    </message>
    <message>
        <source>Created (UTC)</source>
        <translation>Erstellt (UTC)</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notizen</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>, %1 % of training data</source>
        <translation>, %1 % der Trainingsdaten</translation>
    </message>
    <message numerus="yes">
        <source>, %n tower(s)</source>
        <translation>
            <numerusform>, %n Turm</numerusform>
            <numerusform>, %n Türme</numerusform>
        </translation>
    </message>
    <message>
        <source>NRMSE</source>
        <translation>NRMSE</translation>
    </message>
    <message>
        <source>MAE</source>
        <translation>MAE</translation>
    </message>
    <message>
        <source>bias</source>
        <translation>Bias</translation>
    </message>
    <message>
        <source>The test metric the chart and the per-tower table compare</source>
        <translation>Die Testmetrik, die Diagramm und Tabelle je Turm vergleichen</translation>
    </message>
    <message>
        <source>Each test tower&apos;s metric for the selected runs; the best of each row is bold</source>
        <translation>Die Metrik jedes Testturms für die ausgewählten Läufe; der beste Wert jeder Zeile ist fett</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Diagramm</translation>
    </message>
    <message>
        <source>Per tower</source>
        <translation>Je Turm</translation>
    </message>
    <message>
        <source>The TEM-MDM year whose land cells the run predicts</source>
        <translation>Das TEM-MDM-Jahr, dessen Landzellen der Lauf vorhersagt</translation>
    </message>
    <message>
        <source>Upscale to Map</source>
        <translation>Auf Karte hochskalieren</translation>
    </message>
    <message>
        <source>Apply the selected run to every land cell of the year, in the background; the map then offers its prediction and the prediction minus TEM-MDM as layers</source>
        <translation>Den ausgewählten Lauf im Hintergrund auf jede Landzelle des Jahres anwenden; die Karte bietet dann seine Vorhersage und die Vorhersage minus TEM-MDM als Ebenen an</translation>
    </message>
    <message>
        <source>Upscaling failed</source>
        <translation>Hochskalieren fehlgeschlagen</translation>
    </message>
    <message>
        <source>Upscale the selected run over</source>
        <translation>Ausgewählten Lauf hochskalieren über</translation>
    </message>
    <message>
        <source>every tower</source>
        <translation>jeder Turm</translation>
    </message>
    <message>
        <source>Test %1</source>
        <translation>Test-%1</translation>
    </message>
    <message>
        <source>Tower</source>
        <translation>Turm</translation>
    </message>
    <message numerus="yes">
        <source>%n test day(s) with an observation</source>
        <translation>
            <numerusform>%n Testtag mit Beobachtung</numerusform>
            <numerusform>%n Testtage mit Beobachtung</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Upscaling</source>
        <translation>Hochskalieren abbrechen</translation>
    </message>
    <message>
        <source>Export Predictions…</source>
        <translation>Vorhersagen exportieren…</translation>
    </message>
    <message>
        <source>The selected runs&apos; daily test predictions at every test tower, with the observations and the ensemble spread, as CSV</source>
        <translation>Die täglichen Testvorhersagen der ausgewählten Läufe an jedem Testturm, mit den Beobachtungen und der Ensemblestreuung, als CSV</translation>
    </message>
    <message>
        <source>Export Test Predictions</source>
        <translation>Testvorhersagen exportieren</translation>
    </message>
    <message>
        <source>RMSE meas.</source>
        <translation>RMSE gem.</translation>
    </message>
    <message>
        <source>The test set: runs are comparable only on the same one</source>
        <translation>Die Testmenge: Läufe sind nur auf derselben vergleichbar</translation>
    </message>
    <message>
        <source>Test RMSE in %1 on the days the tower measured FCH4 itself</source>
        <translation>Test-RMSE in %1 an den Tagen, an denen der Turm FCH4 selbst gemessen hat</translation>
    </message>
    <message>
        <source>r² (correlation)</source>
        <translation>r² (Korrelation)</translation>
    </message>
    <message>
        <source>r² corr.</source>
        <translation>r² Korr.</translation>
    </message>
    <message>
        <source>Coefficient of determination, 1 − SSE/SST, as the benchmark&apos;s paper reports it (the same number as NSE); negative when the predictions are worse than the observed mean</source>
        <translation>Bestimmtheitsmaß, 1 − SSE/SST, wie es die Veröffentlichung des Benchmarks angibt (dieselbe Zahl wie NSE); negativ, wenn die Vorhersagen schlechter sind als der beobachtete Mittelwert</translation>
    </message>
    <message>
        <source>Squared correlation of predicted and observed: how well the prediction follows the observations up to a linear rescaling; not the paper&apos;s R²</source>
        <translation>Quadrierte Korrelation von Vorhersage und Beobachtung: wie gut die Vorhersage den Beobachtungen bis auf eine lineare Skalierung folgt; nicht das R² der Veröffentlichung</translation>
    </message>
    <message>
        <source>Test RMSE in %1 on the gap-filled target (FCH4_F, its gaps filled from FCH4_F_ANNOPTLM), as the benchmark scores; R², r² corr. and KGE likewise</source>
        <translation>Test-RMSE in %1 auf dem lückengefüllten Ziel (FCH4_F, seine Lücken aus FCH4_F_ANNOPTLM gefüllt), wie der Benchmark bewertet; R², r² Korr. und KGE ebenso</translation>
    </message>
    <message>
        <source>, extended recipe</source>
        <translation>, erweitertes Rezept</translation>
    </message>
    <message>
        <source>RMSE TEM</source>
        <translation>RMSE TEM</translation>
    </message>
    <message>
        <source>Nothing of TEM-MDM was held out (only pretraining runs hold some out)</source>
        <translation>Von TEM-MDM wurde nichts zurückgehalten (nur Vortrainingsläufe halten Daten zurück)</translation>
    </message>
    <message>
        <source>On %1: R² %2, KGE %3</source>
        <translation>Auf %1: R² %2, KGE %3</translation>
    </message>
    <message>
        <source>Pretraining runs: RMSE in %1 against TEM-MDM&apos;s own emission on cell-years held out from pretraining</source>
        <translation>Vortrainingsläufe: RMSE in %1 gegenüber der Emission von TEM-MDM auf Zellenjahren, die beim Vortraining zurückgehalten wurden</translation>
    </message>
    <message>
        <source>Exporting predictions to %1</source>
        <translation>Vorhersagen werden nach %1 exportiert</translation>
    </message>
    <message>
        <source>Test %1
[%2]</source>
        <translation>Test-%1
[%2]</translation>
    </message>
    <message>
        <source>Measured days from %1 (a run written before they came from FCH4 alone, or tower files without FCH4)</source>
        <translation>Messtage aus %1 (ein Lauf von früher, als sie nicht allein aus FCH4 kamen, oder Turmdateien ohne FCH4)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::RunStore</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Reading the runs</source>
        <translation>Läufe werden gelesen</translation>
    </message>
    <message>
        <source>Renaming %1</source>
        <translation>%1 wird umbenannt</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SiteSeriesRequester</name>
    <message>
        <source>cell %1</source>
        <translation>Zelle %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SiteTableModel</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Standort</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Lat (°)</source>
        <translation>Breite (°)</translation>
    </message>
    <message>
        <source>Lon (°)</source>
        <translation>Länge (°)</translation>
    </message>
    <message>
        <source>Wetland type</source>
        <translation>Feuchtgebietstyp</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>Jahre</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Tage</translation>
    </message>
    <message>
        <source>FCH4 days</source>
        <translation>FCH4-Tage</translation>
    </message>
    <message>
        <source>Climate type</source>
        <translation>Klimatyp</translation>
    </message>
    <message>
        <source>Mean FCH4 (%1)</source>
        <translation>Mittlerer FCH4 (%1)</translation>
    </message>
    <message>
        <source>%1 has no FCH4 column: these come from FCH4_F, which is partly gap-filled</source>
        <translation>%1 hat keine Spalte FCH4: diese Werte stammen aus FCH4_F, das teils lückengefüllt ist</translation>
    </message>
    <message>
        <source>Days with FCH4, the tower&apos;s daily flux from its own half-hours (not gap-filled)</source>
        <translation>Tage mit FCH4, dem Tagesfluss des Turms aus seinen eigenen Halbstunden (nicht lückengefüllt)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SitesPanel</name>
    <message>
        <source>Find a site by id or name (Ctrl+F)</source>
        <translation>Kennung oder Name suchen (Strg+F)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SweepDialog</name>
    <message>
        <source>New Sweep</source>
        <translation>Neuer Sweep</translation>
    </message>
    <message>
        <source>The runs go to the dataset&apos;s runs/NAME/ folder; a sweep of the same name goes on where it stopped</source>
        <translation>Die Läufe kommen in den Ordner runs/NAME/ des Datensatzes; ein Sweep mit demselben Namen macht dort weiter, wo er aufgehört hat</translation>
    </message>
    <message>
        <source>Temporal (later years of each tower)</source>
        <translation>Zeitlich (spätere Jahre jedes Turms)</translation>
    </message>
    <message>
        <source>Spatial (each of the 5 folds of unseen towers)</source>
        <translation>Räumlich (jeder der 5 Folds ungesehener Türme)</translation>
    </message>
    <message>
        <source>Each seed repeats the whole grid; the tables show mean ± standard deviation over seeds</source>
        <translation>Jeder Seed wiederholt das ganze Raster; die Tabellen zeigen Mittelwert ± Standardabweichung über die Seeds</translation>
    </message>
    <message>
        <source>Runs at once; the cores are shared among them</source>
        <translation>Gleichzeitige Läufe; die Kerne werden unter ihnen aufgeteilt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>Methoden:</translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>Seeds:</translation>
    </message>
    <message>
        <source>Epochs per run:</source>
        <translation>Epochen je Lauf:</translation>
    </message>
    <message>
        <source>Hidden units:</source>
        <translation>Verborgene Einheiten:</translation>
    </message>
    <message>
        <source>Runs at once:</source>
        <translation>Gleichzeitige Läufe:</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>Sweep starten</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), into %1</source>
        <translation>
            <numerusform>%n Lauf, nach %1</numerusform>
            <numerusform>%n Läufe, nach %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one model, one method and one protocol.</source>
        <translation>Wählen Sie mindestens ein Modell, eine Methode und ein Protokoll.</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SweepRunner</name>
    <message>
        <source>xmw sweep ended abnormally</source>
        <translation>xmw sweep endete unerwartet</translation>
    </message>
    <message>
        <source>A sweep is running already</source>
        <translation>Es läuft bereits ein Sweep</translation>
    </message>
    <message>
        <source>The xmw command was not found beside the explorer or on the PATH</source>
        <translation>Der Befehl xmw wurde weder neben dem Explorer noch im PATH gefunden</translation>
    </message>
    <message>
        <source>Sweep %1</source>
        <translation>Sweep %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SweepTask</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>%1 konnte nicht gestartet werden: %2</translation>
    </message>
</context>
<context>
    <name>xmw::ui::Task</name>
    <message>
        <source>an unknown error</source>
        <translation>ein unbekannter Fehler</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TaskManager</name>
    <message>
        <source>the task ended without an outcome</source>
        <translation>die Aufgabe endete ohne Ergebnis</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TaskStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancel the background work; the menu cancels one task alone</source>
        <translation>Die Hintergrundarbeit abbrechen; das Menü bricht eine einzelne Aufgabe ab</translation>
    </message>
    <message>
        <source>%1 (waiting)</source>
        <translation>%1 (wartet)</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1 (%2 %)</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>Alle abbrechen</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1 (und %n weitere)</numerusform>
            <numerusform>%1 (und %n weitere)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xmw::ui::TimeSeriesPanel</name>
    <message>
        <source>Click a tower on the globe to see its methane flux here (Ctrl+click to add more).</source>
        <translation>Klicken Sie auf einen Turm auf dem Globus, um hier seinen Methanfluss zu sehen (Strg+Klick fügt weitere hinzu).</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>%1 gap-filled (FCH4_F_ANNOPTLM)</source>
        <translation>%1 lückengefüllt (FCH4_F_ANNOPTLM)</translation>
    </message>
    <message>
        <source>%1 TEM-MDM cell</source>
        <translation>%1 TEM-MDM-Zelle</translation>
    </message>
    <message>
        <source>%1: choose a .png, .pdf or .svg file</source>
        <translation>%1: bitte eine .png-, .pdf- oder .svg-Datei wählen</translation>
    </message>
    <message>
        <source>Methane flux</source>
        <translation>Methanfluss</translation>
    </message>
    <message>
        <source>Time series</source>
        <translation>Zeitreihe</translation>
    </message>
    <message>
        <source>Observed vs TEM-MDM</source>
        <translation>Beobachtet gegen TEM-MDM</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>%1: RMSE %2, R² %3, bias %4 (%5 days)</source>
        <translation>%1: RMSE %2, R² %3, Bias %4 (%5 Tage)</translation>
    </message>
    <message>
        <source>%1: no day with both</source>
        <translation>%1: kein Tag mit beidem</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>%1 — %2: %3 %4</source>
        <translation>%1 — %2: %3 %4</translation>
    </message>
    <message>
        <source>A TEM-MDM driver of each series&apos; cell, on the right-hand axis</source>
        <translation>Ein TEM-MDM-Antrieb der Zelle jeder Reihe, auf der rechten Achse</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>Antrieb</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>%1 TEM-MDM</source>
        <translation>%1 TEM-MDM</translation>
    </message>
    <message>
        <source>%1 %2 [%3] (right axis)</source>
        <translation>%1 %2 [%3] (rechte Achse)</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>%1 %2 ± ensemble spread</source>
        <translation>%1 %2 ± Streuung des Ensembles</translation>
    </message>
    <message>
        <source>%1 %2 predicted (test RMSE %3)</source>
        <translation>%1 %2 vorhergesagt (Test-RMSE %3)</translation>
    </message>
    <message>
        <source>%1 %2 predicted</source>
        <translation>%1 %2 vorhergesagt</translation>
    </message>
    <message>
        <source>CH4 flux
[%1]</source>
        <translation>CH4-Fluss
[%1]</translation>
    </message>
    <message>
        <source>Flux unit of the whole window (map, plots, tables, exports): the towers report nmol m-2 s-1, TEM-MDM writes mg m-2 d-1 (1 nmol m-2 s-1 = 1.3863 mg m-2 d-1)</source>
        <translation>Flusseinheit des ganzen Fensters (Karte, Diagramme, Tabellen, Exporte): die Türme melden nmol m-2 s-1, TEM-MDM schreibt mg m-2 d-1 (1 nmol m-2 s-1 = 1,3863 mg m-2 d-1)</translation>
    </message>
    <message>
        <source>Select a tower to compare its measured days with TEM-MDM here: a grid cell has no observations.</source>
        <translation>Wählen Sie einen Turm, um hier seine gemessenen Tage mit TEM-MDM zu vergleichen: eine Gitterzelle hat keine Beobachtungen.</translation>
    </message>
    <message>
        <source>TEM-MDM CH4_emission of the cell, or predicted
[%1]</source>
        <translation>TEM-MDM CH4_emission der Zelle oder vorhergesagt
[%1]</translation>
    </message>
    <message>
        <source>TEM-MDM CH4_emission of the cell
[%1]</source>
        <translation>TEM-MDM CH4_emission der Zelle
[%1]</translation>
    </message>
    <message>
        <source>Measured FCH4
[%1]</source>
        <translation>Gemessenes FCH4
[%1]</translation>
    </message>
    <message>
        <source>%1 measured (FCH4)</source>
        <translation>%1 gemessen (FCH4)</translation>
    </message>
    <message>
        <source>%1 measured (FCH4_F: the file has no FCH4 column)</source>
        <translation>%1 gemessen (FCH4_F: die Datei hat keine Spalte FCH4)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::Tour</name>
    <message>
        <source>The globe</source>
        <translation>Der Globus</translation>
    </message>
    <message>
        <source>A tower</source>
        <translation>Ein Turm</translation>
    </message>
    <message>
        <source>Each dot is a FLUXNET-CH4 eddy-covariance tower that measured the methane a wetland gives off, coloured by the benchmark&apos;s wetland type. Click one to see its measurements; Ctrl+click adds more, and the Sites list finds a tower by name.</source>
        <translation>Jeder Punkt ist ein FLUXNET-CH4-Eddy-Kovarianz-Turm, der das Methan eines Feuchtgebiets gemessen hat, gefärbt nach dem Feuchtgebietstyp des Benchmarks. Ein Klick zeigt seine Messungen; Strg+Klick fügt weitere hinzu, und die Liste der Standorte findet einen Turm nach Namen.</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>Der Tag</translation>
    </message>
    <message>
        <source>Choose the day shown, or the mean of its month or year. Play (Space) steps through the days, so the seasons of methane go by; Ctrl+← and Ctrl+→ move a day at a time.</source>
        <translation>Den gezeigten Tag wählen, oder das Mittel seines Monats oder Jahres. Abspielen (Leertaste) geht Tag für Tag weiter, sodass die Jahreszeiten des Methans vorbeiziehen; Strg+← und Strg+→ gehen einen Tag weiter.</translation>
    </message>
    <message>
        <source>The time series</source>
        <translation>Die Zeitreihe</translation>
    </message>
    <message>
        <source>The towers you select appear here day by day: what they measured, the gap-filled record the benchmark scores against, and TEM-MDM&apos;s value for their cell. Where the model and the measurements part is what machine learning tries to close.</source>
        <translation>Die ausgewählten Türme erscheinen hier Tag für Tag: was sie gemessen haben, die lückengefüllte Reihe, an der der Benchmark misst, und der Wert von TEM-MDM für ihre Zelle. Wo Modell und Messung auseinandergehen, versucht maschinelles Lernen die Lücke zu schließen.</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>Train a model that predicts a tower&apos;s daily methane from a year of weather, soil and vegetation: from the towers alone, or with help from the simulation (pretraining, fine-tuning, domain-adversarial training). Runs then compares it with the towers, and Upscale to Map applies it to the whole world.</source>
        <translation>Ein Modell trainieren, das das tägliche Methan eines Turms aus einem Jahr Wetter, Boden und Vegetation vorhersagt: nur aus den Türmen oder mit Hilfe der Simulation (Vortraining, Feinabstimmung, domänenadversariales Training). „Läufe“ vergleicht es dann mit den Türmen, und „Auf Karte hochskalieren“ wendet es auf die ganze Welt an.</translation>
    </message>
    <message>
        <source>for every cell of land and every day</source>
        <translation>für jede Landzelle und jeden Tag</translation>
    </message>
    <message>
        <source>for every %1° cell of land and every day from %2 to %3</source>
        <translation>für jede %1°-Landzelle und jeden Tag von %2 bis %3</translation>
    </message>
    <message>
        <source>TEM-MDM, a process model, simulates wetland methane %1. The globe shows one day of it; the colour bar below says what the colours mean. Drag to turn the globe, scroll to zoom, and choose another variable (temperature, precipitation, …) at the top left.</source>
        <translation>TEM-MDM, ein Prozessmodell, simuliert Methan aus Feuchtgebieten %1. Der Globus zeigt einen Tag davon; die Farbleiste darunter sagt, was die Farben bedeuten. Ziehen dreht den Globus, das Mausrad zoomt, und oben links wählt man eine andere Variable (Temperatur, Niederschlag, …).</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>Take a one-minute tour of the globe, the towers, the time series and training?</source>
        <translation>Eine einminütige Tour durch Globus, Türme, Zeitreihen und Training?</translation>
    </message>
    <message>
        <source>Take the Tour</source>
        <translation>Tour starten</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>Nicht jetzt</translation>
    </message>
    <message>
        <source>Help ▸ Take the Tour starts it at any time.</source>
        <translation>Hilfe ▸ Tour starten startet sie jederzeit.</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TourBubble</name>
    <message>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Weiter</translation>
    </message>
    <message>
        <source>Skip Tour</source>
        <translation>Tour überspringen</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Fertig</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TowerLegend</name>
    <message>
        <source>The X-MethaneWet benchmark&apos;s wetland code of each tower; click a tower to select it, Ctrl+click to add it</source>
        <translation>Der Feuchtgebietscode des X-MethaneWet-Benchmarks für jeden Turm; Klicken wählt einen Turm aus, Strg+Klick fügt ihn hinzu</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TrainingPanel</name>
    <message>
        <source>queued</source>
        <translation>wartend</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>The sequence model: recurrent (LSTM, GRU, EA-LSTM), convolutional (TCN) or attention-based</source>
        <translation>Das Sequenzmodell: rekurrent (LSTM, GRU, EA-LSTM), faltend (TCN) oder auf Aufmerksamkeit beruhend</translation>
    </message>
    <message>
        <source>How the simulation helps the towers; hover over an entry for what it does</source>
        <translation>Wie die Simulation den Türmen hilft; für eine Erklärung mit dem Zeiger über einen Eintrag fahren</translation>
    </message>
    <message>
        <source>The pretrained run to start from (finetune) or to correct (residual): runs of this dataset with the same model</source>
        <translation>Der vortrainierte Lauf, von dem ausgegangen (finetune) oder der korrigiert wird (residual): Läufe dieses Datensatzes mit demselben Modell</translation>
    </message>
    <message>
        <source>temporal (later years of each tower)</source>
        <translation>zeitlich (spätere Jahre jedes Turms)</translation>
    </message>
    <message>
        <source>spatial, one fold</source>
        <translation>räumlich, eine Teilmenge</translation>
    </message>
    <message>
        <source>spatial, all folds</source>
        <translation>räumlich, alle Teilmengen</translation>
    </message>
    <message>
        <source>Test on later years of every tower, or on towers the model never saw</source>
        <translation>An späteren Jahren jedes Turms prüfen oder an Türmen, die das Modell nie gesehen hat</translation>
    </message>
    <message>
        <source>Which of the five spatial folds is held out</source>
        <translation>Welche der fünf räumlichen Teilmengen zurückgehalten wird</translation>
    </message>
    <message>
        <source>Share of the training tower-years used (the data-sparse curve)</source>
        <translation>Anteil der verwendeten Trainings-Turmjahre (die Kurve für spärliche Daten)</translation>
    </message>
    <message>
        <source>Epochs per phase; early stopping may end sooner</source>
        <translation>Epochen je Phase; frühes Stoppen kann eher enden</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate</source>
        <translation>Lernrate von Adam</translation>
    </message>
    <message>
        <source>Sequences per batch</source>
        <translation>Sequenzen je Stapel</translation>
    </message>
    <message>
        <source>Seeds the weights, the shuffling and the validation share: the same seed gives the same run</source>
        <translation>Setzt den Zufall für Gewichte, Mischen und Validierungsanteil: derselbe Startwert ergibt denselben Lauf</translation>
    </message>
    <message>
        <source>Models per fold with consecutive seeds; predictions are their mean, with their spread</source>
        <translation>Modelle je Teilmenge mit aufeinanderfolgenden Startwerten; Vorhersagen sind ihr Mittel, mit ihrer Streuung</translation>
    </message>
    <message>
        <source>CPU threads per job; the default leaves one core for the window</source>
        <translation>CPU-Threads je Auftrag; die Voreinstellung lässt einen Kern für das Fenster frei</translation>
    </message>
    <message>
        <source>Where the model runs; CUDA needs a LibTorch built with it</source>
        <translation>Wo das Modell rechnet; CUDA braucht eine damit gebaute LibTorch</translation>
    </message>
    <message>
        <source>The run&apos;s file name in the dataset&apos;s runs/ folder (a new name by default)</source>
        <translation>Dateiname des Laufs im Ordner runs/ des Datensatzes (standardmäßig ein neuer Name)</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>automatisch</translation>
    </message>
    <message>
        <source>How many jobs run at the same time; the others wait</source>
        <translation>Wie viele Aufträge gleichzeitig laufen; die übrigen warten</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>Pretrained run</source>
        <translation>Vortrainierter Lauf</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Aufteilung</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>Trainingsdaten</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Lernrate</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>Stapel</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>Ensemble</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>Threads</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>Laufname</translation>
    </message>
    <message>
        <source>Jobs at once</source>
        <translation>Aufträge gleichzeitig</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Model / method</source>
        <translation>Modell / Methode</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Open a dataset with TEM-MDM/ and FLUXNET-CH4/ to train on it.</source>
        <translation>Einen Datensatz mit TEM-MDM/ und FLUXNET-CH4/ öffnen, um darauf zu trainieren.</translation>
    </message>
    <message>
        <source>%1 starts from a pretrained run: train one with the method &apos;pretrain&apos; and the same model first.</source>
        <translation>%1 geht von einem vortrainierten Lauf aus: zuerst einen mit der Methode &apos;pretrain&apos; und demselben Modell trainieren.</translation>
    </message>
    <message>
        <source>This LibTorch has no CUDA device; choose cpu.</source>
        <translation>Diese LibTorch hat kein CUDA-Gerät; cpu wählen.</translation>
    </message>
    <message>
        <source>%1 epoch %2/%3, ETA %4</source>
        <translation>%1 Epoche %2/%3, Restzeit %4</translation>
    </message>
    <message>
        <source>finished, test RMSE %1</source>
        <translation>fertig, Test-RMSE %1</translation>
    </message>
    <message>
        <source>train</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>Validierung</translation>
    </message>
    <message>
        <source>source (TEM-MDM)</source>
        <translation>Quelle (TEM-MDM)</translation>
    </message>
    <message>
        <source>target (towers)</source>
        <translation>Ziel (Türme)</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>Domäne</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Go on from the last finished epoch of a canceled or failed job</source>
        <translation>Ab der letzten abgeschlossenen Epoche eines abgebrochenen oder fehlgeschlagenen Auftrags weitermachen</translation>
    </message>
    <message>
        <source>Train on the towers only: the baseline every transfer method is compared with</source>
        <translation>Nur mit den Türmen trainieren: die Basislinie, mit der jede Transfermethode verglichen wird</translation>
    </message>
    <message>
        <source>Train on TEM-MDM simulation samples only: a starting point for finetune and residual</source>
        <translation>Nur mit TEM-MDM-Simulationsstichproben trainieren: ein Ausgangspunkt für finetune und residual</translation>
    </message>
    <message>
        <source>Start from a pretrained run&apos;s weights and go on training on the towers</source>
        <translation>Von den Gewichten eines vortrainierten Laufs ausgehen und mit den Türmen weitertrainieren</translation>
    </message>
    <message>
        <source>Domain-adversarial: a shared encoder learns from both, a discriminator behind gradient reversal makes simulation and towers look alike; then fine-tuning on the towers</source>
        <translation>Domänen-adversarial: ein gemeinsamer Encoder lernt aus beiden, ein Diskriminator hinter Gradientenumkehr lässt Simulation und Türme gleich aussehen; danach Feinabstimmung mit den Türmen</translation>
    </message>
    <message>
        <source>Keep a pretrained model frozen and learn what it misses at the towers; the prediction is their sum</source>
        <translation>Ein vortrainiertes Modell einfrieren und lernen, was ihm an den Türmen fehlt; die Vorhersage ist ihre Summe</translation>
    </message>
    <message>
        <source>Joint training in which TEM-MDM samples count by how much they resemble the towers; then fine-tuning</source>
        <translation>Gemeinsames Training, in dem TEM-MDM-Stichproben nach ihrer Ähnlichkeit mit den Türmen zählen; danach Feinabstimmung</translation>
    </message>
    <message>
        <source>None of the selected towers has two years of data: temporal testing needs a later year to test on.</source>
        <translation>Keiner der ausgewählten Türme hat zwei Jahre Daten: zeitliches Testen braucht ein späteres Jahr zum Testen.</translation>
    </message>
    <message>
        <source>None of the selected towers is in spatial fold %1, so nothing would be tested; choose another fold or other towers.</source>
        <translation>Keiner der ausgewählten Türme liegt in räumlicher Faltung %1, also würde nichts getestet; wählen Sie eine andere Faltung oder andere Türme.</translation>
    </message>
    <message>
        <source>All the selected towers are in spatial fold %1: none would be left to train on.</source>
        <translation>Alle ausgewählten Türme liegen in räumlicher Faltung %1: keiner bliebe zum Trainieren.</translation>
    </message>
    <message>
        <source>all towers</source>
        <translation>alle Türme</translation>
    </message>
    <message>
        <source>the selected towers</source>
        <translation>die ausgewählten Türme</translation>
    </message>
    <message>
        <source>Train and test on every tower, or only on the towers selected on the map or in the Sites list (spatial folds stay the benchmark&apos;s)</source>
        <translation>Mit jedem Turm trainieren und testen oder nur mit den auf der Karte oder in der Standortliste ausgewählten (die räumlichen Faltungen bleiben die des Benchmarks)</translation>
    </message>
    <message>
        <source>Towers</source>
        <translation>Türme</translation>
    </message>
    <message>
        <source>the selected towers (none selected)</source>
        <translation>die ausgewählten Türme (keiner ausgewählt)</translation>
    </message>
    <message numerus="yes">
        <source>the %n selected tower(s)</source>
        <translation>
            <numerusform>der %n ausgewählte Turm</numerusform>
            <numerusform>die %n ausgewählten Türme</numerusform>
        </translation>
    </message>
    <message>
        <source>Select towers on the map or in the Sites list first, or train on all towers.</source>
        <translation>Wählen Sie zuerst Türme auf der Karte oder in der Standortliste aus, oder trainieren Sie mit allen Türmen.</translation>
    </message>
    <message>
        <source>X-MethaneWet (paper)</source>
        <translation>X-MethaneWet (Artikel)</translation>
    </message>
    <message>
        <source>Extended (all towers)</source>
        <translation>Erweitert (alle Türme)</translation>
    </message>
    <message>
        <source>Ours (quick, early stopping)</source>
        <translation>Unsere (schnell, frühes Stoppen)</translation>
    </message>
    <message>
        <source>Paper (X-MethaneWet)</source>
        <translation>Artikel (X-MethaneWet)</translation>
    </message>
    <message>
        <source>The model&apos;s size and the optimisation. Paper: the benchmark&apos;s configuration (hidden 8, 3 layers, batches of 4 towers at learning rate 0.05 for 200 epochs, or 128 TEM-MDM samples at 0.01 for 10 epochs to pretrain; the last epoch kept). Ours: a wider single-layer model, batches of 64, early stopping. Choosing one fills epochs, learning rate and batch.</source>
        <translation>Größe des Modells und Optimierung. Artikel: die Konfiguration des Benchmarks (verborgene Größe 8, 3 Schichten, Stapel von 4 Türmen bei Lernrate 0,05 für 200 Epochen, oder 128 TEM-MDM-Stichproben bei 0,01 für 10 Epochen zum Vortrainieren; die letzte Epoche wird behalten). Unsere: ein breiteres einschichtiges Modell, Stapel von 64, frühes Stoppen. Die Wahl füllt Epochen, Lernrate und Stapel aus.</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>Rezept</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Which rules make the tower samples and splits. X-MethaneWet follows the benchmark: wetland towers only, with their own elevation and meteorology, a tower-year dropped on any gap, and in spatial splits the 30 towers of its published folds. Extended keeps every tower and fills a tower&apos;s gaps from the grid. Compare runs only within one recipe.</source>
        <translation>Nach welchen Regeln Turmstichproben und Aufteilungen entstehen. X-MethaneWet folgt dem Benchmark: nur Feuchtgebietstürme, mit eigener Höhe und Meteorologie, ein Turmjahr entfällt bei jeder Lücke, und in räumlichen Aufteilungen die 30 Türme seiner veröffentlichten Folds. Erweitert behält jeden Turm und füllt dessen Lücken aus dem Gitter. Vergleichen Sie Läufe nur innerhalb eines Rezepts.</translation>
    </message>
    <message>
        <source>Looking for interrupted training jobs</source>
        <translation>Unterbrochene Trainingsaufträge werden gesucht</translation>
    </message>
    <message>
        <source>fold</source>
        <translation>Teilmenge</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Daten</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <source>Learning rate, batch, seed, ensemble, threads, device and how many jobs run at once</source>
        <translation>Lernrate, Batch, Startwert, Ensemble, Threads, Gerät und wie viele Aufträge gleichzeitig laufen</translation>
    </message>
    <message>
        <source>Loss (MSE)</source>
        <translation>Verlust (MSE)</translation>
    </message>
    <message>
        <source>Training and validation loss per epoch: the mean squared error of the standardised flux</source>
        <translation>Trainings- und Validierungsverlust je Epoche: der mittlere quadratische Fehler des standardisierten Flusses</translation>
    </message>
    <message>
        <source>The X-MethaneWet recipe leaves no tower to train on: %1 of them not wetland (IGBP WET), %2 without LOCATION_ELEV in the site metadata, which the recipe takes as each tower&apos;s elevation. The extended recipe takes the grid cell&apos;s elevation instead.</source>
        <translation>Das X-MethaneWet-Rezept lässt keinen Turm zum Trainieren übrig: %1 davon sind kein Feuchtgebiet (IGBP WET), %2 ohne LOCATION_ELEV in den Standort-Metadaten, die das Rezept als Höhe jedes Turms verwendet. Das erweiterte Rezept nimmt stattdessen die Höhe der Gitterzelle.</translation>
    </message>
    <message>
        <source>No tower has a year of data to train on.</source>
        <translation>Kein Turm hat ein Jahr mit Daten zum Trainieren.</translation>
    </message>
    <message>
        <source>Pretraining learns from TEM-MDM alone; the towers are not used.</source>
        <translation>Das Vortraining lernt nur aus TEM-MDM; die Türme werden nicht verwendet.</translation>
    </message>
    <message numerus="yes">
        <source>At most %n site-year(s)</source>
        <translation>
            <numerusform>Höchstens %n Standortjahr</numerusform>
            <numerusform>Höchstens %n Standortjahre</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n tower(s) for training and testing</source>
        <translation>
            <numerusform>von %n Turm zum Trainieren und Testen</numerusform>
            <numerusform>von %n Türmen zum Trainieren und Testen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tower(s) not wetland</source>
        <translation>
            <numerusform>%n Turm kein Feuchtgebiet</numerusform>
            <numerusform>%n Türme kein Feuchtgebiet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without LOCATION_ELEV</source>
        <translation>
            <numerusform>%n ohne LOCATION_ELEV</numerusform>
            <numerusform>%n ohne LOCATION_ELEV</numerusform>
        </translation>
    </message>
    <message>
        <source>; left out: %1</source>
        <translation>; ausgelassen: %1</translation>
    </message>
    <message>
        <source> (years with gaps in their meteorology drop out when the samples are made).</source>
        <translation> (Jahre mit Lücken in der Meteorologie fallen beim Erstellen der Stichproben heraus).</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 fehlgeschlagen: %2</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TrainingQueue</name>
    <message>
        <source>canceled before it started</source>
        <translation>vor dem Start abgebrochen</translation>
    </message>
    <message>
        <source>canceled; the last finished epoch is kept for a resume</source>
        <translation>abgebrochen; die letzte abgeschlossene Epoche bleibt für eine Fortsetzung erhalten</translation>
    </message>
    <message numerus="yes">
        <source>Interrupted when the explorer closed, after %n epoch(s); Resume goes on from there</source>
        <translation>
            <numerusform>Unterbrochen, als der Explorer geschlossen wurde, nach %n Epoche; Fortsetzen macht dort weiter</numerusform>
            <numerusform>Unterbrochen, als der Explorer geschlossen wurde, nach %n Epochen; Fortsetzen macht dort weiter</numerusform>
        </translation>
    </message>
    <message>
        <source>canceled before the first epoch ended; nothing was kept</source>
        <translation>vor dem Ende der ersten Epoche abgebrochen; nichts wurde behalten</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>%1 wird trainiert</translation>
    </message>
</context>
<context>
    <name>xmw::ui::UpscaleRunner</name>
    <message>
        <source>Upscaling %1 over %2</source>
        <translation>Hochskalierung von %1 über %2</translation>
    </message>
</context>
<context>
    <name>xmw::ui::WetlandType</name>
    <message>
        <source>Forested bog</source>
        <translation>Waldhochmoor</translation>
    </message>
    <message>
        <source>Unforested bog</source>
        <translation>Offenes Hochmoor</translation>
    </message>
    <message>
        <source>Forested swamp</source>
        <translation>Bruchwald</translation>
    </message>
    <message>
        <source>Unforested swamp</source>
        <translation>Offener Sumpf</translation>
    </message>
    <message>
        <source>Alluvial formation (floodplain)</source>
        <translation>Alluviale Formation (Überschwemmungsebene)</translation>
    </message>
    <message>
        <source>No source names this code.</source>
        <translation>Keine Quelle benennt diesen Code.</translation>
    </message>
    <message>
        <source>Inferred, not stated: only the Okavango floodplain tower (BW-Nxr) has this code, and it matches the fifth wetland group (alluvial formations) of Matthews &amp; Fung (1987) that TEM&apos;s methane module uses.</source>
        <translation>Erschlossen, nicht belegt: Nur der Turm in der Okavango-Überschwemmungsebene (BW-Nxr) hat diesen Code, und er entspricht der fünften Feuchtgebietsgruppe (alluviale Formationen) von Matthews &amp; Fung (1987), die das Methanmodul von TEM verwendet.</translation>
    </message>
    <message>
        <source>As KGML-CH4/wetland_methane_ML&apos;s tower preprocessing names the benchmark&apos;s codes.</source>
        <translation>So benennt die Turm-Vorverarbeitung von KGML-CH4/wetland_methane_ML die Codes des Benchmarks.</translation>
    </message>
</context>
</TS>
