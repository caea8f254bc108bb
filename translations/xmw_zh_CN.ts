<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AnimationFrames</name>
    <message>
        <source>Frame %1 of %2</source>
        <translation>第 %1 帧，共 %2 帧</translation>
    </message>
</context>
<context>
    <name>Coordinates</name>
    <message>
        <source>N</source>
        <comment>north</comment>
        <translation>北</translation>
    </message>
    <message>
        <source>S</source>
        <comment>south</comment>
        <translation>南</translation>
    </message>
    <message>
        <source>E</source>
        <comment>east</comment>
        <translation>东</translation>
    </message>
    <message>
        <source>W</source>
        <comment>west</comment>
        <translation>西</translation>
    </message>
    <message>
        <source>%1° %2, %3° %4</source>
        <comment>latitude, longitude</comment>
        <translation>%2纬 %1°，%4经 %3°</translation>
    </message>
</context>
<context>
    <name>ExplorerOptions</name>
    <message>
        <source>Explore wetland methane: TEM-MDM maps on a globe, FLUXNET-CH4 towers and learned models.</source>
        <translation>探索湿地甲烷：地球仪上的 TEM-MDM 地图、FLUXNET-CH4 通量塔与学习模型。</translation>
    </message>
    <message>
        <source>Render the window into a PNG file and exit.</source>
        <translation>将窗口渲染为 PNG 文件后退出。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Window size in pixels, e.g. 1280x800.</source>
        <translation>窗口尺寸（像素），例如 1280x800。</translation>
    </message>
    <message>
        <source>WxH</source>
        <translation>宽x高</translation>
    </message>
    <message>
        <source>Interface language (en, de, zh_CN); default: the system&apos;s.</source>
        <translation>界面语言（en、de、zh_CN）；默认跟随系统。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>代码</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>意外的参数：%1</translation>
    </message>
    <message>
        <source>--size expects WIDTHxHEIGHT in pixels, e.g. 1280x800; got &apos;%1&apos;</source>
        <translation>--size 需要以像素表示的 宽x高，例如 1280x800；实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A dataset folder in the X-MethaneWet layout to open.</source>
        <translation>要打开的 X-MethaneWet 格式数据集文件夹。</translation>
    </message>
    <message>
        <source>The map&apos;s variable, e.g. TAIR.</source>
        <translation>地图的变量，例如 TAIR。</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>The map&apos;s day.</source>
        <translation>地图的日期。</translation>
    </message>
    <message>
        <source>Select these towers (IDs, comma-separated).</source>
        <translation>选择这些通量塔（ID，以逗号分隔）。</translation>
    </message>
    <message>
        <source>--date expects YYYY-MM-DD; got &apos;%1&apos;</source>
        <translation>--date 需要 YYYY-MM-DD；实际为 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>Show the flat (equirectangular) map instead of the globe.</source>
        <translation>显示平面（等距圆柱投影）地图而不是地球。</translation>
    </message>
    <message>
        <source>Select these runs of the dataset&apos;s runs/ folder (files, comma-separated).</source>
        <translation>选择数据集 runs/ 文件夹中的这些运行（文件，以逗号分隔）。</translation>
    </message>
    <message>
        <source>Upscale the one --run over this year and show its prediction map.</source>
        <translation>将唯一的 --run 在该年份上升尺度，并显示其预测地图。</translation>
    </message>
    <message>
        <source>year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>With --upscale: show the prediction minus TEM-MDM.</source>
        <translation>与 --upscale 一起使用：显示预测减去 TEM-MDM。</translation>
    </message>
    <message>
        <source>--upscale expects a year and exactly one --run</source>
        <translation>--upscale 需要一个年份和恰好一个 --run</translation>
    </message>
    <message>
        <source>--difference applies to --upscale</source>
        <translation>--difference 仅适用于 --upscale</translation>
    </message>
    <message>
        <source>--variable, --date, --site and --run need a dataset to open</source>
        <translation>--variable、--date、--site 和 --run 需要打开一个数据集</translation>
    </message>
    <message>
        <source>Show methane fluxes in nmol (nmol CH4 m-2 s-1) or mg (mg CH4 m-2 d-1).</source>
        <translation>以 nmol（nmol CH4 m-2 s-1）或 mg（mg CH4 m-2 d-1）显示甲烷通量。</translation>
    </message>
    <message>
        <source>--screenshot needs a dataset folder to show, e.g. demo-data</source>
        <translation>--screenshot 需要一个要显示的数据集文件夹，例如 demo-data</translation>
    </message>
    <message>
        <source>--lang: there is no translation for &apos;%1&apos; (available: %2)</source>
        <translation>--lang：没有“%1”的翻译（可用：%2）</translation>
    </message>
    <message>
        <source>--unit expects nmol or mg; got &apos;%1&apos;</source>
        <translation>--unit 应为 nmol 或 mg；得到的是“%1”</translation>
    </message>
    <message>
        <source>--panel expects one of %1; got &apos;%2&apos;</source>
        <translation>--panel 应为 %1 之一；得到的是“%2”</translation>
    </message>
    <message>
        <source>Start the guided tour once the map is shown.</source>
        <translation>地图显示后开始导览。</translation>
    </message>
    <message>
        <source>Write an animation of the map over this period (days, or YYYY-MM / YYYY for whole months or years) to --out and exit.</source>
        <translation>将地图在此时段内的动画（按日，或用 YYYY-MM / YYYY 表示整月或整年）写入 --out 后退出。</translation>
    </message>
    <message>
        <source>With --animate: a frame a day, a month (monthly means) or a year (annual means); default day.</source>
        <translation>配合 --animate：每日一帧、每月一帧（月平均）或每年一帧（年平均）；默认每日。</translation>
    </message>
    <message>
        <source>With --animate: the video file (.mp4, .webm or .gif).</source>
        <translation>配合 --animate：视频文件（.mp4、.webm 或 .gif）。</translation>
    </message>
    <message>
        <source>With --animate: frames per second (1-60); default 10.</source>
        <translation>配合 --animate：每秒帧数（1–60）；默认 10。</translation>
    </message>
    <message>
        <source>With --animate: the video&apos;s size; default 1280x720.</source>
        <translation>配合 --animate：视频尺寸；默认 1280x720。</translation>
    </message>
    <message>
        <source>With --animate: the globe still, the globe turning, or the flat map; default globe (flat with --flat).</source>
        <translation>配合 --animate：静止的地球、旋转的地球或平面地图；默认地球（配合 --flat 时为平面）。</translation>
    </message>
    <message>
        <source>With --animate: a title at the top left (not --title: Qt takes that for the window).</source>
        <translation>配合 --animate：左上角的标题（不是 --title：Qt 将其用于窗口）。</translation>
    </message>
    <message>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>With --animate: each frame its own colour range (by default all frames share one).</source>
        <translation>配合 --animate：每帧使用各自的颜色范围（默认所有帧共用一个）。</translation>
    </message>
    <message>
        <source>--%1 applies to --animate</source>
        <translation>--%1 仅用于 --animate</translation>
    </message>
    <message>
        <source>--animate needs a dataset folder to show, e.g. demo-data</source>
        <translation>--animate 需要一个数据集文件夹，例如 demo-data</translation>
    </message>
    <message>
        <source>--animate and --screenshot: one at a time</source>
        <translation>--animate 与 --screenshot：一次只能用一个</translation>
    </message>
    <message>
        <source>--animate expects FROM:TO, each YYYY-MM-DD, YYYY-MM or YYYY, FROM first; got &apos;%1&apos;</source>
        <translation>--animate 需要 FROM:TO，各为 YYYY-MM-DD、YYYY-MM 或 YYYY，FROM 在前；收到“%1”</translation>
    </message>
    <message>
        <source>--step expects day, month or year; got &apos;%1&apos;</source>
        <translation>--step 需要 day、month 或 year；收到“%1”</translation>
    </message>
    <message>
        <source>--animate needs --out FILE ending in .mp4, .webm or .gif</source>
        <translation>--animate 需要以 .mp4、.webm 或 .gif 结尾的 --out 文件</translation>
    </message>
    <message>
        <source>--fps expects 1 to 60; got &apos;%1&apos;</source>
        <translation>--fps 需要 1 到 60；收到“%1”</translation>
    </message>
    <message>
        <source>--video-size expects an even WIDTHxHEIGHT in pixels, e.g. 1280x720; got &apos;%1&apos;</source>
        <translation>--video-size 需要偶数的 宽x高（像素），例如 1280x720；收到“%1”</translation>
    </message>
    <message>
        <source>--view expects globe, turning or flat; got &apos;%1&apos;</source>
        <translation>--view 需要 globe、turning 或 flat；收到“%1”</translation>
    </message>
    <message>
        <source>Did you mean --%1?</source>
        <translation>您是想用 --%1 吗？</translation>
    </message>
    <message>
        <source>Bring this panel to the front: time-series, training, runs, benchmark, budget or sites.</source>
        <translation>将此面板置于前面：time-series、training、runs、benchmark、budget 或 sites。</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>%1: cannot write in this folder (%2)</source>
        <translation>%1：无法写入此文件夹（%2）</translation>
    </message>
    <message>
        <source>%1: writing failed</source>
        <translation>%1：写入失败</translation>
    </message>
    <message>
        <source>%1: cannot replace the file (%2)</source>
        <translation>%1：无法替换该文件（%2）</translation>
    </message>
</context>
<context>
    <name>FieldRequester</name>
    <message>
        <source>prediction − TEM-MDM</source>
        <translation>预测 − TEM-MDM</translation>
    </message>
    <message>
        <source>prediction</source>
        <translation>预测</translation>
    </message>
</context>
<context>
    <name>PredictionLayer</name>
    <message>
        <source>%1 %2 (%3), %4</source>
        <translation>%1 %2（%3），%4</translation>
    </message>
    <message>
        <source>There is no prediction to write.</source>
        <translation>没有可写入的预测。</translation>
    </message>
</context>
<context>
    <name>Screenshot</name>
    <message>
        <source>could not grab the window</source>
        <translation>无法截取窗口</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: could not write the PNG (%2)</source>
        <translation>%1：无法写入 PNG（%2）</translation>
    </message>
    <message>
        <source>the globe did not render within %1 s (is there a working OpenGL 3.2 display?)</source>
        <translation>地球仪未能在 %1 秒内完成渲染（是否有可用的 OpenGL 3.2 显示？）</translation>
    </message>
</context>
<context>
    <name>ScriptedAnimation</name>
    <message>
        <source>there is no map to animate</source>
        <translation>没有可制作动画的地图</translation>
    </message>
    <message>
        <source>this dataset has no TEM-MDM grids to animate</source>
        <translation>此数据集没有可制作动画的 TEM-MDM 网格</translation>
    </message>
</context>
<context>
    <name>TowerMarkers</name>
    <message>
        <source>%1–%2, %3 days, FCH4 measured on %4</source>
        <translation>%1–%2，%3 天，其中 %4 天测得 FCH4</translation>
    </message>
    <message>
        <source>wetland type %1</source>
        <translation>湿地类型 %1</translation>
    </message>
    <message>
        <source>no wetland type</source>
        <translation>无湿地类型</translation>
    </message>
    <message>
        <source>, climate type %1</source>
        <translation>，气候类型 %1</translation>
    </message>
    <message>
        <source>mean FCH4 %1 %2</source>
        <translation>平均 FCH4 %1 %2</translation>
    </message>
    <message>
        <source>Towers by wetland type:</source>
        <translation>按湿地类型显示的通量塔：</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1–%2, %3 days, FCH4_F on %4 (the file has no FCH4 column)</source>
        <translation>%1–%2，%3 天，FCH4_F 有 %4 天（文件中没有 FCH4 列）</translation>
    </message>
</context>
<context>
    <name>xmw::ui::AboutDataDialog</name>
    <message>
        <source>About the Data</source>
        <translation>关于数据</translation>
    </message>
    <message>
        <source>Two views of wetland methane</source>
        <translation>湿地甲烷的两种视角</translation>
    </message>
    <message>
        <source>Wetlands are the largest natural source of methane (CH4), a greenhouse gas second only to carbon dioxide. X-MethaneWet pairs two very different records of how much methane wetlands emit, so that each can help the other.</source>
        <translation>湿地是甲烷（CH4）最大的自然来源，而甲烷是仅次于二氧化碳的温室气体。X-MethaneWet 将两种截然不同的湿地甲烷排放记录配对，使二者可以互相补充。</translation>
    </message>
    <message>
        <source>TEM-MDM: a process model, everywhere</source>
        <translation>TEM-MDM：覆盖全球的过程模型</translation>
    </message>
    <message>
        <source>The Terrestrial Ecosystem Model with its Methane Dynamics Module simulates the soil processes that make and consume methane (production in waterlogged soil, oxidation, transport by diffusion, ebullition and plants) from weather and soil. Its output covers the whole land surface on a 0.5° grid (about 55 km) for every day from 1979 to 2018: the drivers (precipitation PREC, solar radiation SOLR, air temperature TAIR, vapour pressure VAPR, monthly net primary production NPP), static soil, vegetation, wetland and climate fields, and the simulated emission CH4_emission in mg CH4 m-2 d-1. Complete, but a model: what it gets wrong, it gets wrong everywhere.</source>
        <translation>陆地生态系统模型（TEM）及其甲烷动力学模块（MDM）根据气象和土壤模拟产生和消耗甲烷的土壤过程（淹水土壤中的产生、氧化，以及通过扩散、冒泡和植物的传输）。其输出以 0.5° 网格（约 55 公里）覆盖整个陆地表面，时间为 1979 至 2018 年的每一天：驱动变量（降水 PREC、太阳辐射 SOLR、气温 TAIR、水汽压 VAPR、月净初级生产力 NPP），静态的土壤、植被、湿地和气候场，以及以 mg CH4 m-2 d-1 为单位的模拟排放 CH4_emission。数据完整，但它是模型：它在哪里出错，就会处处出错。</translation>
    </message>
    <message>
        <source>FLUXNET-CH4: measurements, in a few places</source>
        <translation>FLUXNET-CH4：少数地点的观测</translation>
    </message>
    <message>
        <source>Eddy-covariance towers measure the methane exchanged between a wetland and the air, from fast wind and gas-concentration readings, over a footprint of some hundreds of metres. The FLUXNET-CH4 collection gathers daily records from towers around the world: FCH4_F (in nmol CH4 m-2 s-1) where it was measured, and FCH4_F_ANNOPTLM, a gap-filled version made by a neural network. Real, but sparse: a few dozen wetland towers, mostly in the north, each with a few years and many gaps.</source>
        <translation>涡度相关通量塔根据高频的风速和气体浓度测量，获得湿地与大气之间交换的甲烷，其源区约为数百米。FLUXNET-CH4 汇集了全球通量塔的逐日记录：实测的 FCH4_F（单位 nmol CH4 m-2 s-1），以及由神经网络插补空缺后的 FCH4_F_ANNOPTLM。数据真实但稀疏：只有几十座湿地通量塔，大多位于北方，每座只有几年记录且空缺很多。</translation>
    </message>
    <message>
        <source>Comparing them</source>
        <translation>二者的比较</translation>
    </message>
    <message>
        <source>Units: 1 nmol CH4 m-2 s-1 = %1 mg CH4 m-2 d-1 (16.04 g per mole, 86 400 s per day). The explorer shows both in either unit.</source>
        <translation>单位：1 nmol CH4 m-2 s-1 = %1 mg CH4 m-2 d-1（每摩尔 16.04 克，每天 86 400 秒）。浏览器可用任一单位显示二者。</translation>
    </message>
    <message>
        <source>Scale: a tower sees a patch of one wetland; a grid cell averages up to about 3000 km² of wetland, forest and lakes. Disagreement is expected even where both are right.</source>
        <translation>尺度：通量塔只看到一片湿地；一个网格单元平均了多达约 3000 平方公里的湿地、森林和湖泊。即使二者都正确，也会存在差异。</translation>
    </message>
    <message>
        <source>Time: both are daily; the benchmark drops 29 February so that every year has 365 days.</source>
        <translation>时间：二者都是逐日数据；基准去掉 2 月 29 日，使每年都有 365 天。</translation>
    </message>
    <message>
        <source>What the benchmark asks</source>
        <translation>基准的任务</translation>
    </message>
    <message>
        <source>Predict a tower&apos;s daily methane flux from a year (365 days) of 15 features: static soil, vegetation, wetland and climate codes, atmospheric CH4 and CO2, and the daily drivers. Models are tested on later years of each tower (temporal split) or on towers they never saw (spatial folds). Because the towers are few, the simulation can help: pretrain on TEM-MDM and fine-tune on towers, learn features that cannot tell the two apart (domain-adversarial training), learn only what the simulation misses (residual learning), or weight the simulated years that look like the towers (reweighting).</source>
        <translation>根据一年（365 天）的 15 个特征预测通量塔的逐日甲烷通量：静态的土壤、植被、湿地和气候代码，大气 CH4 和 CO2，以及逐日驱动变量。模型在每座塔较晚的年份上测试（时间划分），或在从未见过的塔上测试（空间折）。由于通量塔很少，模拟数据可以提供帮助：先在 TEM-MDM 上预训练再在通量塔上微调；学习无法区分两者的特征（领域对抗训练）；只学习模拟遗漏的部分（残差学习）；或者加权与通量塔相似的模拟年份（重加权）。</translation>
    </message>
    <message>
        <source>The demo dataset</source>
        <translation>演示数据集</translation>
    </message>
    <message>
        <source>The dataset that &lt;tt&gt;xmw make-demo&lt;/tt&gt; writes, and that the explorer opens on first start, is synthetic: made-up values in the exact file layout of the real data, with the benchmark&apos;s tower list, so that every part of the program can be tried. Its numbers are neither TEM-MDM output nor tower measurements.</source>
        <translation>&lt;tt&gt;xmw make-demo&lt;/tt&gt; 写出、浏览器首次启动时打开的数据集是合成的：以真实数据的确切文件布局和基准的通量塔列表存放虚构的数值，便于试用程序的每个部分。其数值既不是 TEM-MDM 的输出，也不是通量塔的测量。</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>来源</translation>
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
        <translation>X-MethaneWet：Sun, Y., Chen, S., Chen, S., Qiu, C., Liu, L., Oh, Y., Malone, S. L., McNicol, G., Zhuang, Q., Smith, C., Xie, Y. and Jia, X. (2025), X-MethaneWet: A Cross-scale Global Wetland Methane Emission Benchmark Dataset for Advancing Science Discovery with AI, arXiv preprint arXiv:2505.18355。该基准将 TEM-MDM 模拟与 FLUXNET-CH4 观测配对；请引用它以及您使用的数据集。</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>推断</translation>
    </message>
    <message>
        <source>stated</source>
        <translation>明确给出</translation>
    </message>
    <message>
        <source>Wetland types</source>
        <translation>湿地类型</translation>
    </message>
    <message>
        <source>The files give each tower and cell a wetland-type code only. The names come from the public preprocessing of a group that shares authors with the benchmark (github KGML-CH4/wetland_methane_ML), which states codes 1 to 4:</source>
        <translation>文件中每个通量塔和网格单元只有湿地类型代码。名称来自与该基准有共同作者的课题组公开的预处理代码（github KGML-CH4/wetland_methane_ML），其中明确给出了代码 1 至 4：</translation>
    </message>
    <message>
        <source>Code 5 is inferred, not stated: only the Okavango floodplain tower (BW-Nxr) has it, and it matches the fifth wetland group, alluvial formations, of Matthews &amp; Fung (1987), whose groups TEM&apos;s methane module uses. The explorer marks it with a question mark.</source>
        <translation>代码 5 是推断的，并非明确给出：只有奥卡万戈泛滥平原的通量塔（BW-Nxr）使用它，它与 Matthews &amp; Fung (1987) 的第五类湿地——冲积地貌——相符，TEM 的甲烷模块使用这些分类。浏览器用问号标出它。</translation>
    </message>
    <message>
        <source>Budgets: how much methane, and where</source>
        <translation>收支：甲烷有多少，来自哪里</translation>
    </message>
    <message>
        <source>TEM-MDM&apos;s CH4_emission is a flux per square metre of wetland, and the dataset says nothing of how much of each cell is wetland. A total in Tg CH4 per year is therefore the flux times the cell&apos;s area times its wetland fraction from a wetland map beside the dataset, such as WAD2M, summed over the days (the Budget panel, &lt;tt&gt;xmw budget&lt;/tt&gt;). Without a map the explorer gives mean fluxes only. The demo&apos;s map is synthetic, in WAD2M&apos;s layout.</source>
        <translation>TEM-MDM 的 CH4_emission 是每平方米湿地的通量，而数据集并未说明每个网格单元中有多少是湿地。因此，每年以 Tg CH4 计的总量是通量乘以单元面积，再乘以数据集旁湿地地图（如 WAD2M）给出的湿地比例，并对各天求和（“收支”面板，&lt;tt&gt;xmw budget&lt;/tt&gt;）。没有地图时，浏览器只给出平均通量。演示数据的地图是合成的，采用 WAD2M 的格式。</translation>
    </message>
    <message>
        <source>For scale: the Global Carbon Project&apos;s ensemble of wetland models gives about 158 ± 24 Tg CH4 per year for 2010–2020, most of it from the tropics (Zhang et al. 2025).</source>
        <translation>作为参考：全球碳计划（Global Carbon Project）的湿地模型集合给出 2010–2020 年约每年 158 ± 24 Tg CH4，其中大部分来自热带（Zhang et al. 2025）。</translation>
    </message>
    <message>
        <source>Wetland maps and budgets: Zhang, Z., et al. (2021), Development of the global dataset of Wetland Area and Dynamics for Methane Modeling (WAD2M), Earth System Science Data 13, 2001–2023; Zhang, Z., et al. (2025), Biogeosciences 22, 305 (the Global Carbon Project&apos;s wetland ensemble).</source>
        <translation>湿地地图与收支：Zhang, Z., et al. (2021), Development of the global dataset of Wetland Area and Dynamics for Methane Modeling (WAD2M), Earth System Science Data 13, 2001–2023；Zhang, Z., et al. (2025), Biogeosciences 22, 305（全球碳计划的湿地模型集合）。</translation>
    </message>
    <message>
        <source>Wetland-type names: KGML-CH4/wetland_methane_ML on GitHub (preprocess_fluxnet.py and Data/wetland_classification.txt); Matthews, E. and Fung, I. (1987), Methane emission from natural wetlands: global distribution, area, and environmental characteristics of sources, Global Biogeochemical Cycles 1, 61–86.</source>
        <translation>湿地类型名称：GitHub 上的 KGML-CH4/wetland_methane_ML（preprocess_fluxnet.py 和 Data/wetland_classification.txt）；Matthews, E. and Fung, I. (1987), Methane emission from natural wetlands: global distribution, area, and environmental characteristics of sources, Global Biogeochemical Cycles 1, 61–86。</translation>
    </message>
</context>
<context>
    <name>xmw::ui::AboutDialog</name>
    <message>
        <source>About X-MethaneWet Explorer</source>
        <translation>关于 X-MethaneWet Explorer</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>库</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>X-MethaneWet Explorer</source>
        <translation>X-MethaneWet Explorer</translation>
    </message>
    <message>
        <source>Explore TEM-MDM wetland methane simulations and FLUXNET-CH4 eddy-covariance observations, and train sequence models that carry what the simulation knows over to the sparse tower records.</source>
        <translation>探索 TEM-MDM 湿地甲烷模拟与 FLUXNET-CH4 涡度相关观测，并训练序列模型，将模拟所含的知识迁移到稀疏的通量塔记录上。</translation>
    </message>
    <message>
        <source>Licensed under the GNU General Public License, version 3 or later.</source>
        <translation>依据 GNU 通用公共许可证第 3 版或更高版本授权。</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>构建所用</translation>
    </message>
    <message>
        <source>Compute devices: %1</source>
        <translation>计算设备：%1</translation>
    </message>
    <message>
        <source>Coastlines: VTK&apos;s vtkEarthSource continental outlines (BSD-3-Clause).</source>
        <translation>海岸线：VTK vtkEarthSource 大陆轮廓（BSD-3-Clause）。</translation>
    </message>
</context>
<context>
    <name>xmw::ui::AnimationDialog</name>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
    <message>
        <source>The layer on the map, in its colours; choose another on the map first</source>
        <translation>地图上的图层及其配色；如需其他图层，请先在地图上选择</translation>
    </message>
    <message>
        <source>Layer:</source>
        <translation>图层：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>a frame a day</source>
        <translation>每日一帧</translation>
    </message>
    <message>
        <source>a frame a month (monthly means)</source>
        <translation>每月一帧（月平均）</translation>
    </message>
    <message>
        <source>a frame a year (annual means)</source>
        <translation>每年一帧（年平均）</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>时段：</translation>
    </message>
    <message>
        <source>Globe, as turned now</source>
        <translation>地球，保持当前朝向</translation>
    </message>
    <message>
        <source>Globe, turning slowly</source>
        <translation>地球，缓慢旋转</translation>
    </message>
    <message>
        <source>Flat map, the whole world</source>
        <translation>平面地图，全球</translation>
    </message>
    <message>
        <source>View:</source>
        <translation>视图：</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <source> frames/s</source>
        <translation> 帧/秒</translation>
    </message>
    <message>
        <source>Video:</source>
        <translation>视频：</translation>
    </message>
    <message>
        <source>MP4 (H.264): plays everywhere, slides included</source>
        <translation>MP4 (H.264)：处处可播放，包括幻灯片</translation>
    </message>
    <message>
        <source>WebM (VP9): open format, for web pages</source>
        <translation>WebM (VP9)：开放格式，适合网页</translation>
    </message>
    <message>
        <source>GIF: 256 colours, no player needed</source>
        <translation>GIF：256 色，无需播放器</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <source>none (optional, top left)</source>
        <translation>无（可选，左上角）</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <source>One colour range for all frames</source>
        <translation>所有帧使用同一颜色范围</translation>
    </message>
    <message>
        <source>So that a colour means the same value on every frame; the range comes from a sample of the frames (or the fixed range of the map&apos;s colours)</source>
        <translation>使同一颜色在每一帧上表示相同的数值；范围取自部分帧的抽样（或地图配色的固定范围）</translation>
    </message>
    <message>
        <source>Towers</source>
        <translation>通量塔</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>MP4 videos (*.mp4)</source>
        <translation>MP4 视频 (*.mp4)</translation>
    </message>
    <message>
        <source>WebM videos (*.webm)</source>
        <translation>WebM 视频 (*.webm)</translation>
    </message>
    <message>
        <source>GIF animations (*.gif)</source>
        <translation>GIF 动画 (*.gif)</translation>
    </message>
    <message>
        <source>The period ends before it starts.</source>
        <translation>时段的结束早于开始。</translation>
    </message>
    <message>
        <source>Frames: %1 · length: %2 s</source>
        <translation>帧数：%1 · 时长：%2 秒</translation>
    </message>
    <message>
        <source> — a GIF this large is many megabytes; 640 × 360 suits one better</source>
        <translation> — 这么大的 GIF 会有许多兆字节；640 × 360 更合适</translation>
    </message>
    <message>
        <source>Choose a file to write.</source>
        <translation>请选择要写入的文件。</translation>
    </message>
    <message>
        <source>The file name must end in .mp4, .webm or .gif.</source>
        <translation>文件名必须以 .mp4、.webm 或 .gif 结尾。</translation>
    </message>
    <message>
        <source>There is no folder %1.</source>
        <translation>不存在文件夹 %1。</translation>
    </message>
    <message>
        <source>%1 exists. Replace it?</source>
        <translation>%1 已存在。要替换吗？</translation>
    </message>
</context>
<context>
    <name>xmw::ui::AnimationFrames</name>
    <message>
        <source>The animation ends before it starts</source>
        <translation>动画的结束早于开始</translation>
    </message>
    <message>
        <source>This dataset has no TEM-MDM grids to animate</source>
        <translation>此数据集没有可制作动画的 TEM-MDM 网格</translation>
    </message>
    <message>
        <source>%1 is a static field: it is the same on every date</source>
        <translation>%1 是静态场：每个日期都相同</translation>
    </message>
    <message>
        <source>%1 has one value a month: animate it by month or by year</source>
        <translation>%1 每月只有一个值：请按月或按年制作动画</translation>
    </message>
    <message>
        <source>This layer covers %1 only</source>
        <translation>此图层仅涵盖 %1 年</translation>
    </message>
    <message>
        <source>This layer covers %1 to %2</source>
        <translation>此图层涵盖 %1 至 %2 年</translation>
    </message>
    <message>
        <source>More than %1 frames: choose a longer step or a shorter period</source>
        <translation>超过 %1 帧：请选择更长的步长或更短的时段</translation>
    </message>
    <message>
        <source>Choosing the colour range</source>
        <translation>正在确定颜色范围</translation>
    </message>
    <message>
        <source>one colour per class</source>
        <translation>每个类别一种颜色</translation>
    </message>
    <message>
        <source>fixed colour range</source>
        <translation>固定颜色范围</translation>
    </message>
    <message>
        <source>one colour range for all frames: the minimum to the maximum of %1 of them</source>
        <translation>所有帧同一颜色范围：取其中 %1 帧的最小值到最大值</translation>
    </message>
    <message>
        <source>one colour range for all frames: 2nd to 98th percentile of %1 of them</source>
        <translation>所有帧同一颜色范围：取其中 %1 帧的第 2 至第 98 百分位</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>逐日</translation>
    </message>
    <message>
        <source>monthly means</source>
        <translation>月平均</translation>
    </message>
    <message>
        <source>annual means</source>
        <translation>年平均</translation>
    </message>
    <message>
        <source>each frame its own colour range</source>
        <translation>每帧各自的颜色范围</translation>
    </message>
    <message>
        <source>, centred on zero</source>
        <translation>，以零为中心</translation>
    </message>
    <message>
        <source>, log scale</source>
        <translation>，对数刻度</translation>
    </message>
</context>
<context>
    <name>xmw::ui::BenchmarkPanel</name>
    <message>
        <source>Runs are comparable only within one protocol: the same test towers and years, the same share of data</source>
        <translation>运行结果只能在同一协议内比较：相同的测试站点和年份、相同的数据比例</translation>
    </message>
    <message>
        <source>Measured days only</source>
        <translation>仅实测日</translation>
    </message>
    <message>
        <source>Score on the days the tower measured FCH4 itself instead of the gap-filled target the benchmark scores</source>
        <translation>在站点自身测得 FCH4 的日子上评分，而不是在基准所用的插补目标上评分</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Export Image…</source>
        <translation>导出图像…</translation>
    </message>
    <message>
        <source>New Sweep…</source>
        <translation>新建扫描…</translation>
    </message>
    <message>
        <source>Train a grid of models × methods × protocols × seeds in the background (xmw sweep)</source>
        <translation>在后台训练模型 × 方法 × 协议 × 随机种子的网格（xmw sweep）</translation>
    </message>
    <message>
        <source>Protocol:</source>
        <translation>协议：</translation>
    </message>
    <message>
        <source>Metric:</source>
        <translation>指标：</translation>
    </message>
    <message>
        <source>Stop Sweep</source>
        <translation>停止扫描</translation>
    </message>
    <message>
        <source>Each running run keeps its last finished epoch; starting the same sweep again goes on from there</source>
        <translation>每个正在进行的运行保留其最后完成的轮次；再次启动同一扫描即从那里继续</translation>
    </message>
    <message>
        <source>Sweep finished: %1</source>
        <translation>扫描完成：%1</translation>
    </message>
    <message>
        <source>Sweep stopped; starting it again with the same name goes on</source>
        <translation>扫描已停止；以相同名称再次启动即可继续</translation>
    </message>
    <message>
        <source>Sweep ended with problems: %1</source>
        <translation>扫描结束但有问题：%1</translation>
    </message>
    <message>
        <source>Export Benchmark Table</source>
        <translation>导出基准表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Benchmark Image</source>
        <translation>导出基准图像</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>No runs yet. Train runs in the Training panel, or start a sweep with New Sweep….</source>
        <translation>尚无运行。请在“训练”面板中训练，或用“新建扫描…”启动扫描。</translation>
    </message>
    <message>
        <source>No runs tested on the towers yet (pretraining runs are tested on TEM-MDM).</source>
        <translation>尚无在站点上测试的运行（预训练运行在 TEM-MDM 上测试）。</translation>
    </message>
    <message>
        <source>No runs of %1 with %2 in this protocol</source>
        <translation>此协议中没有 %1 配合 %2 的运行</translation>
    </message>
    <message>
        <source>%1 of %2 folds</source>
        <translation>%2 折中的 %1 折</translation>
    </message>
    <message numerus="yes">
        <source>%1 with %2: %3 over %n seed(s) (%4); click to select its runs in the Runs panel</source>
        <translation>
            <numerusform>%1 配合 %2：%n 个随机种子上的 %3（%4）；点击可在“运行”面板中选中其运行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, lower is better</source>
        <translation>%1，越低越好</translation>
    </message>
    <message>
        <source>%1, higher is better</source>
        <translation>%1，越高越好</translation>
    </message>
    <message>
        <source>%1, nearer 0 is better</source>
        <translation>%1，越接近 0 越好</translation>
    </message>
    <message>
        <source>Mean ± standard deviation over seeds; the change against scratch below; the best of each row in bold; colours from the worst (dark) to the best (yellow) cell.</source>
        <translation>各随机种子的均值 ± 标准差；下方为相对 scratch 的变化；每行最佳者加粗；颜色从最差（深色）到最佳（黄色）单元格。</translation>
    </message>
    <message>
        <source>Each seed&apos;s folds are averaged first.</source>
        <translation>先对每个随机种子的各折取平均。</translation>
    </message>
    <message>
        <source>Mean change against scratch: %1.</source>
        <translation>相对 scratch 的平均变化：%1。</translation>
    </message>
    <message>
        <source>There is no table to export</source>
        <translation>没有可导出的表格</translation>
    </message>
    <message>
        <source>Open a dataset first</source>
        <translation>请先打开数据集</translation>
    </message>
    <message>
        <source>Cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>Sweep %1 started: its runs appear here as they finish</source>
        <translation>扫描 %1 已启动：其运行完成后会显示在这里</translation>
    </message>
    <message>
        <source>New Sweep</source>
        <translation>新建扫描</translation>
    </message>
    <message numerus="yes">
        <source>spatial (%n folds)</source>
        <translation>
            <numerusform>空间划分（%n 折）</numerusform>
        </translation>
    </message>
    <message>
        <source>temporal</source>
        <translation>时间划分</translation>
    </message>
    <message numerus="yes">
        <source>, %n tower(s)</source>
        <translation>
            <numerusform>，%n 座通量塔</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 recipe)</source>
        <translation>（%1 方案）</translation>
    </message>
    <message>
        <source>, %1 % of training site-years</source>
        <translation>，训练站点年的 %1 %</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s) left out: a later run has the same model, method, seed and fold.</source>
        <translation>
            <numerusform>已略去 %n 次运行：较晚的运行具有相同的模型、方法、种子和折。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 (counted instead: %2)</source>
        <translation>%1（改为计入：%2）</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>已略去：</translation>
    </message>
    <message>
        <source>Measured days from %1: the runs differ (older runs took FCH4_F, which is partly gap-filled).</source>
        <translation>实测日来自 %1：各运行不同（较早的运行使用 FCH4_F，其中部分已插补）。</translation>
    </message>
    <message>
        <source>Measured days: FCH4, not gap-filled.</source>
        <translation>实测日：FCH4，未插补。</translation>
    </message>
    <message>
        <source>Measured days from %1.</source>
        <translation>实测日来自 %1。</translation>
    </message>
</context>
<context>
    <name>xmw::ui::BudgetCharts</name>
    <message>
        <source>Years</source>
        <translation>年</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Seasonal cycle</source>
        <translation>季节循环</translation>
    </message>
    <message>
        <source>Zonal profile</source>
        <translation>纬向剖面</translation>
    </message>
    <message>
        <source>Each year&apos;s total: the interannual variability of each source</source>
        <translation>每年的总量：各来源的年际变化</translation>
    </message>
    <message>
        <source>Each month&apos;s total through the years</source>
        <translation>各年中每个月的总量</translation>
    </message>
    <message>
        <source>The mean of each calendar month over the years, for each band and region</source>
        <translation>各日历月份在多年间的平均值，按纬度带和区域</translation>
    </message>
    <message>
        <source>The mean flux per m² of wetland against latitude, in bands of at least 1°</source>
        <translation>每平方米湿地的平均通量随纬度的变化，纬度带至少 1°</translation>
    </message>
    <message>
        <source>Tg CH₄</source>
        <translation>Tg CH₄</translation>
    </message>
    <message>
        <source>No figure to save</source>
        <translation>没有可保存的图</translation>
    </message>
    <message>
        <source>Could not write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>%1 per year — %2</source>
        <translation>每年 %1 — %2</translation>
    </message>
    <message>
        <source>%1 per month — %2</source>
        <translation>每月 %1 — %2</translation>
    </message>
    <message>
        <source>%1 per month, mean over the years — %2</source>
        <translation>每月 %1，多年平均 — %2</translation>
    </message>
    <message>
        <source>mean flux per m² of wetland (%1) against latitude (°)</source>
        <translation>每平方米湿地的平均通量（%1）随纬度（°）的变化</translation>
    </message>
</context>
<context>
    <name>xmw::ui::BudgetPanel</name>
    <message>
        <source>The region of the Years and Months figures</source>
        <translation>“年”和“月”图所示的区域</translation>
    </message>
    <message>
        <source>The source of the Seasonal cycle figure</source>
        <translation>“季节循环”图所示的来源</translation>
    </message>
    <message>
        <source>Wetland Map…</source>
        <translation>湿地地图…</translation>
    </message>
    <message>
        <source>A CF NetCDF map of the wetland fraction or area of each cell (WAD2M&apos;s Fw, GIEMS-2, …): totals in Tg need one</source>
        <translation>每个单元湿地比例或面积的 CF NetCDF 地图（WAD2M 的 Fw、GIEMS-2 等）：以 Tg 计的总量需要它</translation>
    </message>
    <message>
        <source>Add Upscaled Run</source>
        <translation>添加升尺度运行</translation>
    </message>
    <message>
        <source>A run upscaled in this session, or a NetCDF file of xmw upscale or of Save Prediction as NetCDF: its budget and its difference from TEM-MDM</source>
        <translation>本次会话中升尺度的运行，或 xmw upscale、“将预测保存为 NetCDF”生成的 NetCDF 文件：其收支及其与 TEM-MDM 的差值</translation>
    </message>
    <message>
        <source>Remove Runs</source>
        <translation>移除运行</translation>
    </message>
    <message>
        <source>Years:</source>
        <translation>年份：</translation>
    </message>
    <message>
        <source>Globe and GCP bands</source>
        <translation>全球和 GCP 纬度带</translation>
    </message>
    <message>
        <source>… and a box</source>
        <translation>…及一个矩形区域</translation>
    </message>
    <message>
        <source>… and GeoJSON polygons</source>
        <translation>…及 GeoJSON 多边形</translation>
    </message>
    <message>
        <source>The globe and the Global Carbon Project&apos;s bands 90–30°S, 30°S–30°N, 30–60°N and 60–90°N are always summed; a region of your own may join them</source>
        <translation>始终对全球及全球碳计划的纬度带 90–30°S、30°S–30°N、30–60°N 和 60–90°N 求和；可另加一个自定义区域</translation>
    </message>
    <message>
        <source>S, N, W, E</source>
        <translation>南, 北, 西, 东</translation>
    </message>
    <message>
        <source>South, north, west and east edges in degrees, e.g. 45, 70, -100, -60 (west &gt; east crosses 180°)</source>
        <translation>南、北、西、东边界（度），例如 45, 70, -100, -60（西 &gt; 东表示跨越 180°）</translation>
    </message>
    <message>
        <source>GeoJSON…</source>
        <translation>GeoJSON…</translation>
    </message>
    <message>
        <source>Draw on Map</source>
        <translation>在地图上绘制</translation>
    </message>
    <message>
        <source>On the flat map: click the corners, double-click or press Enter to close the region, Esc to give up</source>
        <translation>在平面地图上：点击各顶点，双击或按 Enter 闭合区域，按 Esc 放弃</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation>区域：</translation>
    </message>
    <message>
        <source>Wetland Map</source>
        <translation>湿地地图</translation>
    </message>
    <message>
        <source>NetCDF files (*.nc *.nc4)</source>
        <translation>NetCDF 文件 (*.nc *.nc4)</translation>
    </message>
    <message>
        <source>GeoJSON Regions</source>
        <translation>GeoJSON 区域</translation>
    </message>
    <message>
        <source>GeoJSON files (*.geojson *.json)</source>
        <translation>GeoJSON 文件 (*.geojson *.json)</translation>
    </message>
    <message>
        <source>Export Budget Table</source>
        <translation>导出收支表</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export Budget Figure</source>
        <translation>导出收支图</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>From a NetCDF File…</source>
        <translation>从 NetCDF 文件…</translation>
    </message>
    <message>
        <source>NetCDF files (*.nc)</source>
        <translation>NetCDF 文件 (*.nc)</translation>
    </message>
    <message>
        <source>Upscaled in this session</source>
        <translation>本次会话中的升尺度结果</translation>
    </message>
    <message>
        <source>No folder for the upscaled runs&apos; files: %1</source>
        <translation>没有存放升尺度运行文件的文件夹：%1</translation>
    </message>
    <message>
        <source>Writing %1 for the budget</source>
        <translation>为收支写入 %1</translation>
    </message>
    <message>
        <source>%1: its grid is not the open dataset&apos;s</source>
        <translation>%1：其网格与已打开数据集的网格不同</translation>
    </message>
    <message>
        <source>A box is four numbers: south, north, west, east (degrees), e.g. 45, 70, -100, -60</source>
        <translation>矩形区域是四个数：南、北、西、东（度），例如 45, 70, -100, -60</translation>
    </message>
    <message numerus="yes">
        <source>Drawn region (%n corners)</source>
        <translation>
            <numerusform>绘制的区域（%n 个顶点）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 − TEM-MDM</source>
        <translation>%1 − TEM-MDM</translation>
    </message>
    <message>
        <source>Sources: %1</source>
        <translation>来源：%1</translation>
    </message>
    <message>
        <source>No wetland map: mean fluxes only</source>
        <translation>无湿地地图：仅平均通量</translation>
    </message>
    <message>
        <source>Wetland map: %1</source>
        <translation>湿地地图：%1</translation>
    </message>
    <message>
        <source>Open a dataset with TEM-MDM grids to compute budgets.</source>
        <translation>打开含有 TEM-MDM 网格的数据集以计算收支。</translation>
    </message>
    <message>
        <source>Totals in Tg CH₄: flux × cell area × wetland fraction, the wetland from %1 regridded to the grid; mean flux per m² of wetland, weighted by wetland area.</source>
        <translation>以 Tg CH₄ 计的总量：通量 × 单元面积 × 湿地比例，湿地取自 %1 并重网格化到本网格；每平方米湿地的平均通量，按湿地面积加权。</translation>
    </message>
    <message>
        <source>No wetland map: mean flux per m² of wetland, weighted by cell area, and no totals — X-MethaneWet&apos;s emission is per m² of wetland, so a total needs the wetland area (Wetland Map…).</source>
        <translation>无湿地地图：每平方米湿地的平均通量，按单元面积加权，没有总量——X-MethaneWet 的排放是每平方米湿地的值，因此总量需要湿地面积（湿地地图…）。</translation>
    </message>
    <message>
        <source>365-day years (29 February left out); a cell counts where its centre lies. Bold: the mean ± sd over the years.</source>
        <translation>每年 365 天（不含 2 月 29 日）；单元按其中心所在位置计入。粗体：多年平均值 ± 标准差。</translation>
    </message>
    <message>
        <source>* Some months&apos; wetland is the map&apos;s monthly climatology (the map has no data for them).</source>
        <translation>* 部分月份的湿地取自地图的月气候态（地图没有这些月份的数据）。</translation>
    </message>
    <message>
        <source>Give the box as south, north, west, east</source>
        <translation>请以南、北、西、东给出矩形区域</translation>
    </message>
    <message>
        <source>Draw the region on the map first (Draw on Map)</source>
        <translation>请先在地图上绘制区域（在地图上绘制）</translation>
    </message>
    <message>
        <source>Choose a GeoJSON file first (GeoJSON…)</source>
        <translation>请先选择 GeoJSON 文件（GeoJSON…）</translation>
    </message>
    <message>
        <source>Budget %1–%2</source>
        <translation>收支 %1–%2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Tg CH₄</source>
        <translation>Tg CH₄</translation>
    </message>
    <message>
        <source>Mean flux (%1)</source>
        <translation>平均通量（%1）</translation>
    </message>
    <message>
        <source>Wetland (Mkm²)</source>
        <translation>湿地（百万 km²）</translation>
    </message>
    <message>
        <source>Cells</source>
        <translation>单元数</translation>
    </message>
    <message>
        <source>mean ± sd</source>
        <translation>平均 ± 标准差</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>Compute a budget first</source>
        <translation>请先计算收支</translation>
    </message>
    <message>
        <source>Globe</source>
        <translation>全球</translation>
    </message>
    <message>
        <source>Box %1</source>
        <translation>矩形 %1</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>总量</translation>
    </message>
    <message>
        <source>Mean flux</source>
        <translation>平均通量</translation>
    </message>
    <message>
        <source>The Years, Months and Seasonal cycle figures as totals in Tg CH₄ or as the mean flux per m² of wetland (totals need a wetland map)</source>
        <translation>“年”“月”“季节循环”图显示以 Tg CH₄ 计的总量，或每平方米湿地的平均通量（总量需要湿地地图）</translation>
    </message>
    <message>
        <source>… and a drawn region</source>
        <translation>…及绘制的区域</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Table as CSV…</source>
        <translation>表格导出为 CSV…</translation>
    </message>
    <message>
        <source>Figure as PNG…</source>
        <translation>图导出为 PNG…</translation>
    </message>
    <message>
        <source>Tg CH₄ = flux × cell area × wetland fraction (%1); 365-day years; bold: the mean ± sd over the years.</source>
        <translation>Tg CH₄ = 通量 × 单元面积 × 湿地比例（%1）；每年 365 天；粗体：多年平均值 ± 标准差。</translation>
    </message>
    <message>
        <source>No wetland map: mean fluxes per m² of wetland only, no totals (Wetland Map…).</source>
        <translation>无湿地地图：仅每平方米湿地的平均通量，没有总量（湿地地图…）。</translation>
    </message>
    <message>
        <source>*: the map&apos;s climatology.</source>
        <translation>*：地图的气候态。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ColourBar</name>
    <message numerus="yes">
        <source>+%n more</source>
        <translation>
            <numerusform>另外 %n 个</numerusform>
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
        <translation>发散（蓝–红）</translation>
    </message>
    <message>
        <source>viridis</source>
        <translation>viridis</translation>
    </message>
    <message>
        <source>classes</source>
        <translation>类别</translation>
    </message>
</context>
<context>
    <name>xmw::ui::DatasetLoader</name>
    <message>
        <source>Opening %1</source>
        <translation>正在打开 %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportAnimationReaction</name>
    <message>
        <source>Export Animation</source>
        <translation>导出动画</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportMapReaction</name>
    <message>
        <source>Export Map Image</source>
        <translation>导出地图图像</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export Flat Map Figure</source>
        <translation>导出平面地图图件</translation>
    </message>
    <message>
        <source>Map image copied</source>
        <translation>已复制地图图像</translation>
    </message>
    <message>
        <source>PNG images (*.png);;PDF documents (*.pdf)</source>
        <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>There is no map to export.</source>
        <translation>没有可导出的地图。</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportPredictionReaction</name>
    <message>
        <source>Export Prediction</source>
        <translation>导出预测</translation>
    </message>
    <message>
        <source>NetCDF files (*.nc)</source>
        <translation>NetCDF 文件 (*.nc)</translation>
    </message>
    <message>
        <source>Exporting %1</source>
        <translation>正在导出 %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportReactions</name>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::ExportSeriesReaction</name>
    <message>
        <source>Export Time Series Figure</source>
        <translation>导出时间序列图</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf);;SVG drawings (*.svg);;PNG images (*.png)</source>
        <translation>PDF 文档 (*.pdf);;SVG 图形 (*.svg);;PNG 图像 (*.png)</translation>
    </message>
    <message>
        <source>Export Time Series Data</source>
        <translation>导出时间序列数据</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::FigureSizeDialog</name>
    <message>
        <source>Figure Size</source>
        <translation>图件尺寸</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>One column (85 mm)</source>
        <translation>单栏（85 毫米）</translation>
    </message>
    <message>
        <source>One and a half columns (120 mm)</source>
        <translation>一栏半（120 毫米）</translation>
    </message>
    <message>
        <source>Two columns (180 mm)</source>
        <translation>双栏（180 毫米）</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>毫米</translation>
    </message>
    <message>
        <source>inches</source>
        <translation>英寸</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>The world is twice as wide as it is high; the colour bar is added below</source>
        <translation>世界地图宽是高的两倍；色标加在下方</translation>
    </message>
    <message>
        <source>Width</source>
        <translation>宽度</translation>
    </message>
    <message>
        <source>Height</source>
        <translation>高度</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>字号</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>分辨率</translation>
    </message>
    <message>
        <source> in</source>
        <translation> 英寸</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> 毫米</translation>
    </message>
    <message>
        <source>PNG: %1 × %2 pixels</source>
        <translation>PNG：%1 × %2 像素</translation>
    </message>
    <message>
        <source> (map; the colour bar adds below)</source>
        <translation>（地图；色标另加在下方）</translation>
    </message>
    <message>
        <source>Dots per inch of a PNG, and of the map image inside a PDF; text and lines of PDF and SVG are vectors</source>
        <translation>PNG 以及 PDF 中地图图像的每英寸点数；PDF 和 SVG 中的文字与线条为矢量</translation>
    </message>
</context>
<context>
    <name>xmw::ui::FluxUnitChoice</name>
    <message>
        <source>Show every methane flux of the window (map, colour bar, status bar, plots, tables, exports) in %1; 1 nmol CH4 m-2 s-1 = %2 mg CH4 m-2 d-1</source>
        <translation>窗口中的所有甲烷通量（地图、色标、状态栏、图表、表格、导出）都以 %1 显示；1 nmol CH4 m-2 s-1 = %2 mg CH4 m-2 d-1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::LayerBox</name>
    <message>
        <source>The TEM-MDM variable, or an upscaled run&apos;s prediction, shown on the map</source>
        <translation>地图上显示的 TEM-MDM 变量或升尺度运行的预测</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Prediction − TEM-MDM: %1</source>
        <translation>预测 − TEM-MDM：%1</translation>
    </message>
    <message>
        <source>Prediction: %1</source>
        <translation>预测：%1</translation>
    </message>
    <message>
        <source>The run&apos;s daily CH4 minus TEM-MDM&apos;s, per cell, on a diverging scale</source>
        <translation>该运行的逐日 CH4 减去 TEM-MDM 的值，逐格点，使用发散色标</translation>
    </message>
    <message>
        <source>The run applied to every land cell of %1</source>
        <translation>该运行应用于 %1 年的每个陆地格点</translation>
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
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Reset View</source>
        <translation>重置视图(&amp;R)</translation>
    </message>
    <message>
        <source>Look at the globe from the default position and distance</source>
        <translation>从默认位置和距离观察地球仪</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About X-MethaneWet Explorer</source>
        <translation>关于 X-MethaneWet Explorer(&amp;A)</translation>
    </message>
    <message>
        <source>Off the globe</source>
        <translation>不在地球仪上</translation>
    </message>
    <message>
        <source>Could not read the map: %1</source>
        <translation>无法读取地图：%1</translation>
    </message>
    <message>
        <source>&amp;Open Dataset…</source>
        <translation>打开数据集(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a folder in the X-MethaneWet layout (TEM-MDM/, FLUXNET-CH4/)</source>
        <translation>打开 X-MethaneWet 格式的文件夹（TEM-MDM/、FLUXNET-CH4/）</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>正在打开 %1…</translation>
    </message>
    <message>
        <source>%1 — X-MethaneWet Explorer</source>
        <translation>%1 — X-MethaneWet Explorer</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>已打开 %1</translation>
    </message>
    <message>
        <source>Could not open the dataset</source>
        <translation>无法打开数据集</translation>
    </message>
    <message>
        <source> — %1 %2 %3</source>
        <translation> — %1 %2 %3</translation>
    </message>
    <message>
        <source> — %1 no value</source>
        <translation> — %1 无值</translation>
    </message>
    <message>
        <source> [%1]</source>
        <translation> [%1]</translation>
    </message>
    <message>
        <source>static field</source>
        <translation>静态字段</translation>
    </message>
    <message>
        <source>No tower selected</source>
        <translation>未选择通量塔</translation>
    </message>
    <message>
        <source>Selected: %1</source>
        <translation>已选择：%1</translation>
    </message>
    <message>
        <source>Time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <source>Could not read the towers&apos; series: %1</source>
        <translation>无法读取通量塔序列：%1</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>地图(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Previous Day</source>
        <translation>前一天(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Next Day</source>
        <translation>后一天(&amp;N)</translation>
    </message>
    <message>
        <source>Previous &amp;Month</source>
        <translation>上个月(&amp;M)</translation>
    </message>
    <message>
        <source>Next M&amp;onth</source>
        <translation>下个月(&amp;O)</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>&amp;Find Site…</source>
        <translation>查找站点(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Map Image…</source>
        <translation>地图图像(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Copy Map Image</source>
        <translation>复制地图图像(&amp;C)</translation>
    </message>
    <message>
        <source>Time Series &amp;Figure…</source>
        <translation>时间序列图(&amp;F)…</translation>
    </message>
    <message>
        <source>Time Series &amp;Data (CSV)…</source>
        <translation>时间序列数据（CSV）(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
    <message>
        <source>Step through the days; the map follows as fast as it can be read</source>
        <translation>逐日播放；地图以读取速度跟随更新</translation>
    </message>
    <message>
        <source>fixed colour range</source>
        <translation>固定颜色范围</translation>
    </message>
    <message>
        <source>colours span the minimum to the maximum</source>
        <translation>颜色覆盖最小值到最大值</translation>
    </message>
    <message>
        <source>colours span the 2nd to 98th percentile</source>
        <translation>颜色覆盖第 2 到第 98 百分位</translation>
    </message>
    <message>
        <source>, centred on zero</source>
        <translation>，以零为中心</translation>
    </message>
    <message>
        <source>, log scale</source>
        <translation>，对数刻度</translation>
    </message>
    <message>
        <source> (no positive values for a log scale)</source>
        <translation>（没有可用于对数刻度的正值）</translation>
    </message>
    <message>
        <source>%1%2, %3 — %4</source>
        <translation>%1%2，%3 — %4</translation>
    </message>
    <message>
        <source>%1 annual mean</source>
        <translation>%1 年平均</translation>
    </message>
    <message>
        <source>%1 monthly mean</source>
        <translation>%1 月平均</translation>
    </message>
    <message>
        <source>No TEM-MDM data at %1 (ocean or missing)</source>
        <translation>%1 没有 TEM-MDM 数据（海洋或缺测）</translation>
    </message>
    <message>
        <source>Selected cell %1</source>
        <translation>已选格点 %1</translation>
    </message>
    <message>
        <source>Tower &amp;Labels</source>
        <translation>通量塔标签(&amp;L)</translation>
    </message>
    <message>
        <source>Write each tower&apos;s id beside it</source>
        <translation>在每座通量塔旁写出其编号</translation>
    </message>
    <message>
        <source>About the &amp;Data</source>
        <translation>关于数据(&amp;D)</translation>
    </message>
    <message>
        <source>What TEM-MDM and FLUXNET-CH4 are, how they differ, and what the benchmark asks</source>
        <translation>TEM-MDM 和 FLUXNET-CH4 是什么、有何不同，以及基准的任务</translation>
    </message>
    <message>
        <source>Open &amp;Demo Dataset</source>
        <translation>打开演示数据集(&amp;D)</translation>
    </message>
    <message>
        <source>The synthetic demo dataset (made in your data folder the first time)</source>
        <translation>合成的演示数据集（首次使用时在您的数据文件夹中生成）</translation>
    </message>
    <message>
        <source>Making the synthetic demo dataset in %1…</source>
        <translation>正在 %1 中生成合成演示数据集…</translation>
    </message>
    <message>
        <source>Could not make the demo dataset: %1</source>
        <translation>无法生成演示数据集：%1</translation>
    </message>
    <message>
        <source>The globe with its colour bar and legend, as on screen</source>
        <translation>与屏幕上相同的地球及其色标和图例</translation>
    </message>
    <message>
        <source>&amp;Flat Map Figure…</source>
        <translation>平面地图图件(&amp;F)…</translation>
    </message>
    <message>
        <source>The whole world as a flat (equirectangular) map at a width you choose, with towers and colour bar</source>
        <translation>以所选宽度导出全球平面（等距圆柱投影）地图，含通量塔和色标</translation>
    </message>
    <message>
        <source>&amp;Presentation Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Full screen, larger text, the globe turning slowly and the days playing (F11 or Esc ends it)</source>
        <translation>全屏、较大字体、地球缓慢旋转并逐日播放（按 F11 或 Esc 退出）</translation>
    </message>
    <message>
        <source>&amp;Flat Map</source>
        <translation>平面地图(&amp;F)</translation>
    </message>
    <message>
        <source>Show the layer on a flat (equirectangular) map instead of the globe</source>
        <translation>在平面（等距圆柱投影）地图而不是地球上显示图层</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Training finished: %1</source>
        <translation>训练完成：%1</translation>
    </message>
    <message>
        <source>Training is running</source>
        <translation>训练正在进行</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>&amp;Prediction (CF NetCDF)…</source>
        <translation>预测（CF NetCDF）(&amp;P)…</translation>
    </message>
    <message>
        <source>The upscaled prediction layer on the map, with TEM-MDM&apos;s values for the same cells, as CF NetCDF</source>
        <translation>地图上的升尺度预测图层，连同相同格点的 TEM-MDM 值，导出为 CF NetCDF</translation>
    </message>
    <message numerus="yes">
        <source>Upscaled %1: %n land cell(s) in %2 s</source>
        <translation>
            <numerusform>已升尺度 %1：%n 个陆地格点，用时 %2 秒</numerusform>
        </translation>
    </message>
    <message>
        <source>Not a run of this dataset (its runs/ folder): %1</source>
        <translation>不是此数据集（其 runs/ 文件夹）中的运行：%1</translation>
    </message>
    <message>
        <source>Could not upscale %1 over %2</source>
        <translation>无法将 %1 在 %2 年上升尺度</translation>
    </message>
    <message>
        <source> (28 February: the benchmark&apos;s years have 365 days)</source>
        <translation>（2 月 28 日：基准的年份为 365 天）</translation>
    </message>
    <message>
        <source>Prediction − TEM-MDM, %1</source>
        <translation>预测 − TEM-MDM，%1</translation>
    </message>
    <message>
        <source>Prediction, %1</source>
        <translation>预测，%1</translation>
    </message>
    <message>
        <source>Training jobs are still running or waiting. Cancel them and close? A canceled job keeps its last finished epoch; the Training panel offers to resume it when this dataset is opened again (or use xmw train … --resume).</source>
        <translation>仍有训练任务在运行或等待。取消它们并关闭吗？被取消的任务会保留最后完成的轮次；再次打开此数据集时，训练面板会提供继续训练的选项（也可使用 xmw train … --resume）。</translation>
    </message>
    <message>
        <source>Flux &amp;Unit</source>
        <translation>通量单位(&amp;U)</translation>
    </message>
    <message>
        <source>%1 is outside the dataset&apos;s days, %2 to %3</source>
        <translation>%1 不在数据集的日期范围内（%2 至 %3）</translation>
    </message>
    <message>
        <source>No tower &apos;%1&apos; in this dataset</source>
        <translation>此数据集中没有站点“%1”</translation>
    </message>
    <message>
        <source>No variable &apos;%1&apos; in this dataset (it has %2)</source>
        <translation>此数据集中没有变量“%1”（现有：%2）</translation>
    </message>
    <message>
        <source>one colour per class</source>
        <translation>每个类别一种颜色</translation>
    </message>
    <message>
        <source>Benchmark</source>
        <translation>基准</translation>
    </message>
    <message>
        <source>A sweep is running</source>
        <translation>扫描正在进行</translation>
    </message>
    <message>
        <source>A sweep is training in the background. Stop it and close? Each running run keeps its last finished epoch; starting the same sweep again goes on from there.</source>
        <translation>扫描正在后台训练。停止并关闭吗？每个正在进行的运行保留其最后完成的轮次；再次启动同一扫描即从那里继续。</translation>
    </message>
    <message>
        <source>Making the demo dataset</source>
        <translation>正在生成演示数据集</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Take the &amp;Tour</source>
        <translation>开始导览(&amp;T)</translation>
    </message>
    <message>
        <source>A few steps through the globe, the towers, the day, the time series and training</source>
        <translation>几步介绍地球、通量塔、日期、时间序列和训练</translation>
    </message>
    <message>
        <source>&amp;Animation…</source>
        <translation>动画(&amp;A)…</translation>
    </message>
    <message>
        <source>The map over a period as a video (MP4, WebM) or GIF, with colour bar, date and towers</source>
        <translation>地图在某一时段内的视频（MP4、WebM）或 GIF，带色标、日期和通量塔</translation>
    </message>
    <message>
        <source>Exporting the animation %1</source>
        <translation>正在导出动画 %1</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1: %n frame(s) in %2 s (%3 frames/s)</source>
        <translation>
            <numerusform>已保存 %1：%n 帧，用时 %2 秒（%3 帧/秒）</numerusform>
        </translation>
    </message>
    <message>
        <source>An animation is being exported</source>
        <translation>正在导出动画</translation>
    </message>
    <message>
        <source>An animation is still being written. Stop it and close? The unfinished video is not kept.</source>
        <translation>动画仍在写入。要停止并关闭吗？未完成的视频不会保留。</translation>
    </message>
    <message>
        <source>%1 and the cell at %2</source>
        <translation>%1 及位于 %2 的网格单元</translation>
    </message>
    <message numerus="yes">
        <source>, log scale over %n decade(s) from %1</source>
        <translation>
            <numerusform>，对数刻度，自 %1 起跨 %n 个数量级</numerusform>
        </translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>收支</translation>
    </message>
    <message>
        <source>Click the region&apos;s corners on the map; double-click or Enter closes it, Backspace takes a corner back, Esc gives up</source>
        <translation>在地图上点击区域的各顶点；双击或按 Enter 闭合，Backspace 撤销一个顶点，Esc 放弃</translation>
    </message>
    <message>
        <source>no wetland</source>
        <translation>无湿地</translation>
    </message>
</context>
<context>
    <name>xmw::ui::MapStyleBar</name>
    <message>
        <source>Colours</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>&amp;Log Scale</source>
        <translation>对数刻度(&amp;L)</translation>
    </message>
    <message>
        <source>Colour map: viridis, magma and cividis are perceptually uniform (cividis also for red-green colour blindness); the diverging map is centred on zero, for anomalies</source>
        <translation>色图：viridis、magma 和 cividis 在感知上均匀（cividis 也适合红绿色盲）；发散色图以零为中心，用于距平</translation>
    </message>
    <message>
        <source>2–98 percentile</source>
        <translation>第 2–98 百分位</translation>
    </message>
    <message>
        <source>minimum–maximum</source>
        <translation>最小值–最大值</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>固定</translation>
    </message>
    <message>
        <source>Colour range: from each day&apos;s field (percentiles ignore a few extreme cells), or fixed, so that colours mean the same on every day</source>
        <translation>颜色范围：取自当天的场（百分位忽略少数极端格点），或固定，使颜色在每一天含义相同</translation>
    </message>
    <message>
        <source>The value at the bottom of the colour ramp</source>
        <translation>色带底端的值</translation>
    </message>
    <message>
        <source>The value at the top of the colour ramp</source>
        <translation>色带顶端的值</translation>
    </message>
    <message>
        <source>Colours on a logarithmic scale (sequential colour maps): emission spans orders of magnitude</source>
        <translation>以对数刻度着色（顺序色图）：排放跨越多个数量级</translation>
    </message>
    <message>
        <source>Colours </source>
        <translation>颜色 </translation>
    </message>
</context>
<context>
    <name>xmw::ui::MapToolBar</name>
    <message>
        <source>Map</source>
        <translation>地图</translation>
    </message>
    <message>
        <source>The day shown (static fields do not change with it; NPP is monthly)</source>
        <translation>显示的日期（静态字段不随日期变化；NPP 为月值）</translation>
    </message>
    <message>
        <source>Variable </source>
        <translation>变量 </translation>
    </message>
    <message>
        <source>Drag through the whole record; the calendar beside it picks a day</source>
        <translation>拖动浏览整个时段；旁边的日历用于选择某一天</translation>
    </message>
    <message>
        <source>Date </source>
        <translation>日期 </translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>monthly mean</source>
        <translation>月平均</translation>
    </message>
    <message>
        <source>annual mean</source>
        <translation>年平均</translation>
    </message>
    <message>
        <source>Show the day, or the mean of its month or calendar year (Play then steps by month or year)</source>
        <translation>显示当天，或其所在月份或日历年的平均值（播放时按月或按年前进）</translation>
    </message>
    <message>
        <source> days/s</source>
        <translation> 天/秒</translation>
    </message>
    <message>
        <source>Playback speed</source>
        <translation>播放速度</translation>
    </message>
</context>
<context>
    <name>xmw::ui::OpenDatasetReaction</name>
    <message>
        <source>Open X-MethaneWet Dataset</source>
        <translation>打开 X-MethaneWet 数据集</translation>
    </message>
</context>
<context>
    <name>xmw::ui::PlayReaction</name>
    <message>
        <source>&amp;Pause</source>
        <translation>暂停(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Play</source>
        <translation>播放(&amp;P)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::RecentDatasetsMenu</name>
    <message>
        <source>&amp;Clear Menu</source>
        <translation>清除菜单(&amp;C)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::RunBrowser</name>
    <message>
        <source>temporal</source>
        <translation>时间划分</translation>
    </message>
    <message>
        <source>spatial, all folds</source>
        <translation>空间划分，全部折</translation>
    </message>
    <message>
        <source>spatial, fold %1</source>
        <translation>空间划分，第 %1 折</translation>
    </message>
    <message>
        <source>Filter runs by name, model, method or notes</source>
        <translation>按名称、模型、方法或备注筛选运行</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>删除运行</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n run file(s)? This cannot be undone.</source>
        <translation>
            <numerusform>删除 %n 个运行文件？此操作无法撤销。</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Metrics…</source>
        <translation>导出指标…</translation>
    </message>
    <message>
        <source>Export Run Metrics</source>
        <translation>导出运行指标</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
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
        <translation>创建时间（UTC）</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>, %1 % of training data</source>
        <translation>，训练数据的 %1 %</translation>
    </message>
    <message numerus="yes">
        <source>, %n tower(s)</source>
        <translation>
            <numerusform>，%n 座通量塔</numerusform>
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
        <translation>偏差</translation>
    </message>
    <message>
        <source>The test metric the chart and the per-tower table compare</source>
        <translation>图表和逐站表格所比较的测试指标</translation>
    </message>
    <message>
        <source>Each test tower&apos;s metric for the selected runs; the best of each row is bold</source>
        <translation>所选运行在每座测试塔上的指标；每行最佳值以粗体显示</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Per tower</source>
        <translation>逐站</translation>
    </message>
    <message>
        <source>The TEM-MDM year whose land cells the run predicts</source>
        <translation>运行所预测的陆地格点所属的 TEM-MDM 年份</translation>
    </message>
    <message>
        <source>Upscale to Map</source>
        <translation>升尺度到地图</translation>
    </message>
    <message>
        <source>Apply the selected run to every land cell of the year, in the background; the map then offers its prediction and the prediction minus TEM-MDM as layers</source>
        <translation>在后台将所选运行应用于该年的每个陆地格点；随后地图提供其预测以及预测减去 TEM-MDM 两个图层</translation>
    </message>
    <message>
        <source>Upscaling failed</source>
        <translation>升尺度失败</translation>
    </message>
    <message>
        <source>Upscale the selected run over</source>
        <translation>将所选运行升尺度到</translation>
    </message>
    <message>
        <source>every tower</source>
        <translation>所有通量塔</translation>
    </message>
    <message>
        <source>Test %1</source>
        <translation>测试 %1</translation>
    </message>
    <message>
        <source>Tower</source>
        <translation>通量塔</translation>
    </message>
    <message numerus="yes">
        <source>%n test day(s) with an observation</source>
        <translation>
            <numerusform>%n 个有观测的测试日</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancel Upscaling</source>
        <translation>取消升尺度</translation>
    </message>
    <message>
        <source>Export Predictions…</source>
        <translation>导出预测…</translation>
    </message>
    <message>
        <source>The selected runs&apos; daily test predictions at every test tower, with the observations and the ensemble spread, as CSV</source>
        <translation>所选运行在每座测试塔上的逐日测试预测，连同观测值和集合离散度，导出为 CSV</translation>
    </message>
    <message>
        <source>Export Test Predictions</source>
        <translation>导出测试预测</translation>
    </message>
    <message>
        <source>RMSE meas.</source>
        <translation>RMSE（实测）</translation>
    </message>
    <message>
        <source>The test set: runs are comparable only on the same one</source>
        <translation>测试集：只有测试集相同的运行才可比较</translation>
    </message>
    <message>
        <source>Test RMSE in %1 on the days the tower measured FCH4 itself</source>
        <translation>以 %1 计的测试 RMSE，仅基于站点实测 FCH4 的日子</translation>
    </message>
    <message>
        <source>r² (correlation)</source>
        <translation>r²（相关）</translation>
    </message>
    <message>
        <source>r² corr.</source>
        <translation>r²（相关）</translation>
    </message>
    <message>
        <source>Coefficient of determination, 1 − SSE/SST, as the benchmark&apos;s paper reports it (the same number as NSE); negative when the predictions are worse than the observed mean</source>
        <translation>决定系数 1 − SSE/SST，与基准论文报告的一致（与 NSE 数值相同）；预测比观测均值更差时为负</translation>
    </message>
    <message>
        <source>Squared correlation of predicted and observed: how well the prediction follows the observations up to a linear rescaling; not the paper&apos;s R²</source>
        <translation>预测与观测的相关系数平方：在线性缩放意义下预测与观测的吻合程度；不是论文中的 R²</translation>
    </message>
    <message>
        <source>Test RMSE in %1 on the gap-filled target (FCH4_F, its gaps filled from FCH4_F_ANNOPTLM), as the benchmark scores; R², r² corr. and KGE likewise</source>
        <translation>以 %1 计的测试 RMSE，基于插补后的目标（FCH4_F，其缺测由 FCH4_F_ANNOPTLM 填补），与基准的评分方式相同；R²、r²（相关）和 KGE 亦然</translation>
    </message>
    <message>
        <source>, extended recipe</source>
        <translation>，扩展方案</translation>
    </message>
    <message>
        <source>RMSE TEM</source>
        <translation>RMSE TEM</translation>
    </message>
    <message>
        <source>Nothing of TEM-MDM was held out (only pretraining runs hold some out)</source>
        <translation>未保留任何 TEM-MDM 数据（只有预训练运行会保留一部分）</translation>
    </message>
    <message>
        <source>On %1: R² %2, KGE %3</source>
        <translation>在 %1 上：R² %2，KGE %3</translation>
    </message>
    <message>
        <source>Pretraining runs: RMSE in %1 against TEM-MDM&apos;s own emission on cell-years held out from pretraining</source>
        <translation>预训练运行：在预训练时保留的网格年上，相对 TEM-MDM 自身排放的 RMSE（%1）</translation>
    </message>
    <message>
        <source>Exporting predictions to %1</source>
        <translation>正在将预测导出到 %1</translation>
    </message>
    <message>
        <source>Test %1
[%2]</source>
        <translation>测试 %1
[%2]</translation>
    </message>
    <message>
        <source>Measured days from %1 (a run written before they came from FCH4 alone, or tower files without FCH4)</source>
        <translation>实测日来自 %1（在实测日仅取自 FCH4 之前写入的运行，或没有 FCH4 列的通量塔文件）</translation>
    </message>
</context>
<context>
    <name>xmw::ui::RunStore</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Reading the runs</source>
        <translation>正在读取运行</translation>
    </message>
    <message>
        <source>Renaming %1</source>
        <translation>正在重命名 %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SiteSeriesRequester</name>
    <message>
        <source>cell %1</source>
        <translation>格点 %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SiteTableModel</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Lat (°)</source>
        <translation>纬度（°）</translation>
    </message>
    <message>
        <source>Lon (°)</source>
        <translation>经度（°）</translation>
    </message>
    <message>
        <source>Wetland type</source>
        <translation>湿地类型</translation>
    </message>
    <message>
        <source>Years</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>天数</translation>
    </message>
    <message>
        <source>FCH4 days</source>
        <translation>FCH4 天数</translation>
    </message>
    <message>
        <source>Climate type</source>
        <translation>气候类型</translation>
    </message>
    <message>
        <source>Mean FCH4 (%1)</source>
        <translation>平均 FCH4（%1）</translation>
    </message>
    <message>
        <source>%1 has no FCH4 column: these come from FCH4_F, which is partly gap-filled</source>
        <translation>%1 没有 FCH4 列：这些数值取自 FCH4_F，其中部分已插补</translation>
    </message>
    <message>
        <source>Days with FCH4, the tower&apos;s daily flux from its own half-hours (not gap-filled)</source>
        <translation>有 FCH4 的天数：通量塔由自身半小时数据得到的日通量（未插补）</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SitesPanel</name>
    <message>
        <source>Find a site by id or name (Ctrl+F)</source>
        <translation>按 ID 或名称查找站点（Ctrl+F）</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SweepDialog</name>
    <message>
        <source>New Sweep</source>
        <translation>新建扫描</translation>
    </message>
    <message>
        <source>The runs go to the dataset&apos;s runs/NAME/ folder; a sweep of the same name goes on where it stopped</source>
        <translation>运行结果保存在数据集的 runs/NAME/ 文件夹中；同名扫描会从停止处继续</translation>
    </message>
    <message>
        <source>Temporal (later years of each tower)</source>
        <translation>时间划分（各站点的后期年份）</translation>
    </message>
    <message>
        <source>Spatial (each of the 5 folds of unseen towers)</source>
        <translation>空间划分（未见站点的 5 折中的每一折）</translation>
    </message>
    <message>
        <source>Each seed repeats the whole grid; the tables show mean ± standard deviation over seeds</source>
        <translation>每个随机种子重复整个网格；表格显示各种子的均值 ± 标准差</translation>
    </message>
    <message>
        <source>Runs at once; the cores are shared among them</source>
        <translation>同时进行的运行数；CPU 核心在它们之间分配</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>模型：</translation>
    </message>
    <message>
        <source>Methods:</source>
        <translation>方法：</translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation>协议：</translation>
    </message>
    <message>
        <source>Seeds:</source>
        <translation>随机种子：</translation>
    </message>
    <message>
        <source>Epochs per run:</source>
        <translation>每次运行的轮数：</translation>
    </message>
    <message>
        <source>Hidden units:</source>
        <translation>隐藏单元：</translation>
    </message>
    <message>
        <source>Runs at once:</source>
        <translation>同时运行数：</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>开始扫描</translation>
    </message>
    <message numerus="yes">
        <source>%n run(s), into %1</source>
        <translation>
            <numerusform>%n 次运行，保存到 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one model, one method and one protocol.</source>
        <translation>请至少选择一个模型、一种方法和一个协议。</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SweepRunner</name>
    <message>
        <source>xmw sweep ended abnormally</source>
        <translation>xmw sweep 异常结束</translation>
    </message>
    <message>
        <source>A sweep is running already</source>
        <translation>已有扫描在进行</translation>
    </message>
    <message>
        <source>The xmw command was not found beside the explorer or on the PATH</source>
        <translation>在浏览器旁边或 PATH 中未找到 xmw 命令</translation>
    </message>
    <message>
        <source>Sweep %1</source>
        <translation>扫描 %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::SweepTask</name>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
</context>
<context>
    <name>xmw::ui::Task</name>
    <message>
        <source>an unknown error</source>
        <translation>未知错误</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TaskManager</name>
    <message>
        <source>the task ended without an outcome</source>
        <translation>任务结束但没有结果</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TaskStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancel the background work; the menu cancels one task alone</source>
        <translation>取消后台工作；菜单可单独取消某个任务</translation>
    </message>
    <message>
        <source>%1 (waiting)</source>
        <translation>%1（等待中）</translation>
    </message>
    <message>
        <source>%1 (%2 %)</source>
        <translation>%1（%2 %）</translation>
    </message>
    <message>
        <source>Cancel All</source>
        <translation>全部取消</translation>
    </message>
    <message numerus="yes">
        <source>%1 (and %n more)</source>
        <translation>
            <numerusform>%1（另有 %n 个）</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>xmw::ui::TimeSeriesPanel</name>
    <message>
        <source>Click a tower on the globe to see its methane flux here (Ctrl+click to add more).</source>
        <translation>单击地球仪上的通量塔，在此查看其甲烷通量（Ctrl+单击可添加更多）。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>%1 gap-filled (FCH4_F_ANNOPTLM)</source>
        <translation>%1 插补值（FCH4_F_ANNOPTLM）</translation>
    </message>
    <message>
        <source>%1 TEM-MDM cell</source>
        <translation>%1 TEM-MDM 网格</translation>
    </message>
    <message>
        <source>%1: choose a .png, .pdf or .svg file</source>
        <translation>%1：请选择 .png、.pdf 或 .svg 文件</translation>
    </message>
    <message>
        <source>Methane flux</source>
        <translation>甲烷通量</translation>
    </message>
    <message>
        <source>Time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <source>Observed vs TEM-MDM</source>
        <translation>观测与 TEM-MDM 对比</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>%1: RMSE %2, R² %3, bias %4 (%5 days)</source>
        <translation>%1：RMSE %2，R² %3，偏差 %4（%5 天）</translation>
    </message>
    <message>
        <source>%1: no day with both</source>
        <translation>%1：没有两者都有的日期</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>%1 — %2: %3 %4</source>
        <translation>%1 — %2：%3 %4</translation>
    </message>
    <message>
        <source>A TEM-MDM driver of each series&apos; cell, on the right-hand axis</source>
        <translation>每条序列所在格点的一个 TEM-MDM 驱动变量，显示在右侧坐标轴</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>驱动变量</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>%1 TEM-MDM</source>
        <translation>%1 TEM-MDM</translation>
    </message>
    <message>
        <source>%1 %2 [%3] (right axis)</source>
        <translation>%1 %2 [%3]（右轴）</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>%1 %2 ± ensemble spread</source>
        <translation>%1 %2 ± 集成离散度</translation>
    </message>
    <message>
        <source>%1 %2 predicted (test RMSE %3)</source>
        <translation>%1 %2 预测（测试 RMSE %3）</translation>
    </message>
    <message>
        <source>%1 %2 predicted</source>
        <translation>%1 %2 预测</translation>
    </message>
    <message>
        <source>CH4 flux
[%1]</source>
        <translation>CH4 通量
[%1]</translation>
    </message>
    <message>
        <source>Flux unit of the whole window (map, plots, tables, exports): the towers report nmol m-2 s-1, TEM-MDM writes mg m-2 d-1 (1 nmol m-2 s-1 = 1.3863 mg m-2 d-1)</source>
        <translation>整个窗口的通量单位（地图、图表、表格、导出）：站点报告 nmol m-2 s-1，TEM-MDM 输出 mg m-2 d-1（1 nmol m-2 s-1 = 1.3863 mg m-2 d-1）</translation>
    </message>
    <message>
        <source>Select a tower to compare its measured days with TEM-MDM here: a grid cell has no observations.</source>
        <translation>请选择一座通量塔，在此将其实测日与 TEM-MDM 对比：网格单元没有观测。</translation>
    </message>
    <message>
        <source>TEM-MDM CH4_emission of the cell, or predicted
[%1]</source>
        <translation>格点的 TEM-MDM CH4_emission 或预测值
[%1]</translation>
    </message>
    <message>
        <source>TEM-MDM CH4_emission of the cell
[%1]</source>
        <translation>格点的 TEM-MDM CH4_emission
[%1]</translation>
    </message>
    <message>
        <source>Measured FCH4
[%1]</source>
        <translation>实测 FCH4
[%1]</translation>
    </message>
    <message>
        <source>%1 measured (FCH4)</source>
        <translation>%1 实测 (FCH4)</translation>
    </message>
    <message>
        <source>%1 measured (FCH4_F: the file has no FCH4 column)</source>
        <translation>%1 实测 (FCH4_F：文件中没有 FCH4 列)</translation>
    </message>
</context>
<context>
    <name>xmw::ui::Tour</name>
    <message>
        <source>The globe</source>
        <translation>地球</translation>
    </message>
    <message>
        <source>A tower</source>
        <translation>通量塔</translation>
    </message>
    <message>
        <source>Each dot is a FLUXNET-CH4 eddy-covariance tower that measured the methane a wetland gives off, coloured by the benchmark&apos;s wetland type. Click one to see its measurements; Ctrl+click adds more, and the Sites list finds a tower by name.</source>
        <translation>每个点是一座测量湿地甲烷排放的 FLUXNET-CH4 涡度相关通量塔，颜色表示基准数据集的湿地类型。单击可查看其观测；Ctrl+单击可添加更多，站点列表可按名称查找通量塔。</translation>
    </message>
    <message>
        <source>The day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Choose the day shown, or the mean of its month or year. Play (Space) steps through the days, so the seasons of methane go by; Ctrl+← and Ctrl+→ move a day at a time.</source>
        <translation>选择显示的日期，或其所在月份、年份的平均值。播放（空格）逐日前进，可看到甲烷的季节变化；Ctrl+← 和 Ctrl+→ 每次移动一天。</translation>
    </message>
    <message>
        <source>The time series</source>
        <translation>时间序列</translation>
    </message>
    <message>
        <source>The towers you select appear here day by day: what they measured, the gap-filled record the benchmark scores against, and TEM-MDM&apos;s value for their cell. Where the model and the measurements part is what machine learning tries to close.</source>
        <translation>所选通量塔在此逐日显示：实测值、基准评分所用的插补记录，以及 TEM-MDM 在其格点上的值。模型与观测之间的差距，正是机器学习试图弥合的。</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>Train a model that predicts a tower&apos;s daily methane from a year of weather, soil and vegetation: from the towers alone, or with help from the simulation (pretraining, fine-tuning, domain-adversarial training). Runs then compares it with the towers, and Upscale to Map applies it to the whole world.</source>
        <translation>训练一个模型，根据一年的气象、土壤和植被预测通量塔的逐日甲烷：仅用通量塔数据，或借助模拟数据（预训练、微调、领域对抗训练）。随后“运行”面板将其与通量塔比较，“升尺度到地图”将其应用于全球。</translation>
    </message>
    <message>
        <source>for every cell of land and every day</source>
        <translation>为每一天、每个陆地格点</translation>
    </message>
    <message>
        <source>for every %1° cell of land and every day from %2 to %3</source>
        <translation>为 %2 至 %3 年每一天、每个 %1° 陆地格点</translation>
    </message>
    <message>
        <source>TEM-MDM, a process model, simulates wetland methane %1. The globe shows one day of it; the colour bar below says what the colours mean. Drag to turn the globe, scroll to zoom, and choose another variable (temperature, precipitation, …) at the top left.</source>
        <translation>TEM-MDM 是一个过程模型，%1模拟湿地甲烷排放。地球显示其中一天；下方的色标说明颜色的含义。拖动可旋转地球，滚轮缩放，左上角可选择其他变量（气温、降水……）。</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Take a one-minute tour of the globe, the towers, the time series and training?</source>
        <translation>花一分钟浏览地球、通量塔、时间序列和训练？</translation>
    </message>
    <message>
        <source>Take the Tour</source>
        <translation>开始导览</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Help ▸ Take the Tour starts it at any time.</source>
        <translation>随时可通过“帮助 ▸ 开始导览”开始。</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TourBubble</name>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Skip Tour</source>
        <translation>跳过导览</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TowerLegend</name>
    <message>
        <source>The X-MethaneWet benchmark&apos;s wetland code of each tower; click a tower to select it, Ctrl+click to add it</source>
        <translation>X-MethaneWet 基准为每个通量塔给出的湿地代码；点击通量塔可选中，Ctrl+点击可添加</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TrainingPanel</name>
    <message>
        <source>queued</source>
        <translation>排队中</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>canceled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 分钟</translation>
    </message>
    <message>
        <source>The sequence model: recurrent (LSTM, GRU, EA-LSTM), convolutional (TCN) or attention-based</source>
        <translation>序列模型：循环网络（LSTM、GRU、EA-LSTM）、卷积网络（TCN）或基于注意力的模型</translation>
    </message>
    <message>
        <source>How the simulation helps the towers; hover over an entry for what it does</source>
        <translation>模拟数据如何帮助通量塔；将指针悬停在条目上查看说明</translation>
    </message>
    <message>
        <source>The pretrained run to start from (finetune) or to correct (residual): runs of this dataset with the same model</source>
        <translation>作为起点（finetune）或被校正（residual）的预训练运行：本数据集中相同模型的运行</translation>
    </message>
    <message>
        <source>temporal (later years of each tower)</source>
        <translation>时间划分（每座塔较晚的年份）</translation>
    </message>
    <message>
        <source>spatial, one fold</source>
        <translation>空间划分，单折</translation>
    </message>
    <message>
        <source>spatial, all folds</source>
        <translation>空间划分，全部折</translation>
    </message>
    <message>
        <source>Test on later years of every tower, or on towers the model never saw</source>
        <translation>在每座塔较晚的年份上测试，或在模型从未见过的塔上测试</translation>
    </message>
    <message>
        <source>Which of the five spatial folds is held out</source>
        <translation>保留五个空间折中的哪一个</translation>
    </message>
    <message>
        <source>Share of the training tower-years used (the data-sparse curve)</source>
        <translation>所用训练塔年的比例（数据稀疏曲线）</translation>
    </message>
    <message>
        <source>Epochs per phase; early stopping may end sooner</source>
        <translation>每个阶段的轮数；早停可能提前结束</translation>
    </message>
    <message>
        <source>Adam&apos;s learning rate</source>
        <translation>Adam 的学习率</translation>
    </message>
    <message>
        <source>Sequences per batch</source>
        <translation>每批序列数</translation>
    </message>
    <message>
        <source>Seeds the weights, the shuffling and the validation share: the same seed gives the same run</source>
        <translation>为权重、打乱和验证集抽样设定随机种子：相同种子得到相同的运行</translation>
    </message>
    <message>
        <source>Models per fold with consecutive seeds; predictions are their mean, with their spread</source>
        <translation>每折使用连续种子的模型数；预测取其均值，并给出离散度</translation>
    </message>
    <message>
        <source>CPU threads per job; the default leaves one core for the window</source>
        <translation>每个任务的 CPU 线程数；默认为窗口留出一个核心</translation>
    </message>
    <message>
        <source>Where the model runs; CUDA needs a LibTorch built with it</source>
        <translation>模型运行的位置；CUDA 需要带 CUDA 构建的 LibTorch</translation>
    </message>
    <message>
        <source>The run&apos;s file name in the dataset&apos;s runs/ folder (a new name by default)</source>
        <translation>运行在数据集 runs/ 文件夹中的文件名（默认自动生成新名称）</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>How many jobs run at the same time; the others wait</source>
        <translation>同时运行的任务数；其余任务等待</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>模型</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <source>Pretrained run</source>
        <translation>预训练运行</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>划分</translation>
    </message>
    <message>
        <source>Training data</source>
        <translation>训练数据</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>轮数</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>学习率</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>批大小</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>Ensemble</source>
        <translation>集成</translation>
    </message>
    <message>
        <source>Threads</source>
        <translation>线程</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>Run name</source>
        <translation>运行名称</translation>
    </message>
    <message>
        <source>Jobs at once</source>
        <translation>同时任务数</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Model / method</source>
        <translation>模型 / 方法</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>轮次</translation>
    </message>
    <message>
        <source>Open a dataset with TEM-MDM/ and FLUXNET-CH4/ to train on it.</source>
        <translation>请打开包含 TEM-MDM/ 和 FLUXNET-CH4/ 的数据集后再训练。</translation>
    </message>
    <message>
        <source>%1 starts from a pretrained run: train one with the method &apos;pretrain&apos; and the same model first.</source>
        <translation>%1 需要从预训练运行开始：请先用方法 &apos;pretrain&apos; 和相同模型训练一个。</translation>
    </message>
    <message>
        <source>This LibTorch has no CUDA device; choose cpu.</source>
        <translation>此 LibTorch 没有 CUDA 设备；请选择 cpu。</translation>
    </message>
    <message>
        <source>%1 epoch %2/%3, ETA %4</source>
        <translation>%1 第 %2/%3 轮，剩余 %4</translation>
    </message>
    <message>
        <source>finished, test RMSE %1</source>
        <translation>已完成，测试 RMSE %1</translation>
    </message>
    <message>
        <source>train</source>
        <translation>训练</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>验证</translation>
    </message>
    <message>
        <source>source (TEM-MDM)</source>
        <translation>源域（TEM-MDM）</translation>
    </message>
    <message>
        <source>target (towers)</source>
        <translation>目标域（通量塔）</translation>
    </message>
    <message>
        <source>domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>继续</translation>
    </message>
    <message>
        <source>Go on from the last finished epoch of a canceled or failed job</source>
        <translation>从已取消或失败任务的最后完成轮次继续</translation>
    </message>
    <message>
        <source>Train on the towers only: the baseline every transfer method is compared with</source>
        <translation>仅用通量塔训练：所有迁移方法与之比较的基线</translation>
    </message>
    <message>
        <source>Train on TEM-MDM simulation samples only: a starting point for finetune and residual</source>
        <translation>仅用 TEM-MDM 模拟样本训练：作为 finetune 和 residual 的起点</translation>
    </message>
    <message>
        <source>Start from a pretrained run&apos;s weights and go on training on the towers</source>
        <translation>从预训练运行的权重出发，继续用通量塔训练</translation>
    </message>
    <message>
        <source>Domain-adversarial: a shared encoder learns from both, a discriminator behind gradient reversal makes simulation and towers look alike; then fine-tuning on the towers</source>
        <translation>领域对抗：共享编码器同时学习两者，梯度反转后的判别器使模拟与通量塔相似；然后用通量塔微调</translation>
    </message>
    <message>
        <source>Keep a pretrained model frozen and learn what it misses at the towers; the prediction is their sum</source>
        <translation>冻结预训练模型，学习它在通量塔处遗漏的部分；预测为两者之和</translation>
    </message>
    <message>
        <source>Joint training in which TEM-MDM samples count by how much they resemble the towers; then fine-tuning</source>
        <translation>联合训练，TEM-MDM 样本按其与通量塔的相似程度加权；然后微调</translation>
    </message>
    <message>
        <source>None of the selected towers has two years of data: temporal testing needs a later year to test on.</source>
        <translation>所选通量塔都没有两年的数据：时间划分测试需要较晚的一年用于测试。</translation>
    </message>
    <message>
        <source>None of the selected towers is in spatial fold %1, so nothing would be tested; choose another fold or other towers.</source>
        <translation>所选通量塔都不在空间折 %1 中，因此没有可测试的数据；请选择其他折或其他通量塔。</translation>
    </message>
    <message>
        <source>All the selected towers are in spatial fold %1: none would be left to train on.</source>
        <translation>所选通量塔全部位于空间折 %1：没有剩余的通量塔可用于训练。</translation>
    </message>
    <message>
        <source>all towers</source>
        <translation>所有通量塔</translation>
    </message>
    <message>
        <source>the selected towers</source>
        <translation>所选通量塔</translation>
    </message>
    <message>
        <source>Train and test on every tower, or only on the towers selected on the map or in the Sites list (spatial folds stay the benchmark&apos;s)</source>
        <translation>在所有通量塔上训练和测试，或仅在地图或站点列表中选择的通量塔上进行（空间折保持基准的划分）</translation>
    </message>
    <message>
        <source>Towers</source>
        <translation>通量塔</translation>
    </message>
    <message>
        <source>the selected towers (none selected)</source>
        <translation>所选通量塔（未选择）</translation>
    </message>
    <message numerus="yes">
        <source>the %n selected tower(s)</source>
        <translation>
            <numerusform>所选的 %n 座通量塔</numerusform>
        </translation>
    </message>
    <message>
        <source>Select towers on the map or in the Sites list first, or train on all towers.</source>
        <translation>请先在地图或站点列表中选择通量塔，或在所有通量塔上训练。</translation>
    </message>
    <message>
        <source>X-MethaneWet (paper)</source>
        <translation>X-MethaneWet（论文）</translation>
    </message>
    <message>
        <source>Extended (all towers)</source>
        <translation>扩展（所有通量塔）</translation>
    </message>
    <message>
        <source>Ours (quick, early stopping)</source>
        <translation>本程序（快速，提前停止）</translation>
    </message>
    <message>
        <source>Paper (X-MethaneWet)</source>
        <translation>论文（X-MethaneWet）</translation>
    </message>
    <message>
        <source>The model&apos;s size and the optimisation. Paper: the benchmark&apos;s configuration (hidden 8, 3 layers, batches of 4 towers at learning rate 0.05 for 200 epochs, or 128 TEM-MDM samples at 0.01 for 10 epochs to pretrain; the last epoch kept). Ours: a wider single-layer model, batches of 64, early stopping. Choosing one fills epochs, learning rate and batch.</source>
        <translation>模型规模与优化设置。论文：基准的配置（隐藏层 8、3 层，每批 4 个通量塔样本、学习率 0.05、200 个轮次；预训练为每批 128 个 TEM-MDM 样本、学习率 0.01、10 个轮次；保留最后一轮）。本程序：更宽的单层模型，每批 64，提前停止。选择后会填入轮次、学习率和批大小。</translation>
    </message>
    <message>
        <source>Recipe</source>
        <translation>方案</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Which rules make the tower samples and splits. X-MethaneWet follows the benchmark: wetland towers only, with their own elevation and meteorology, a tower-year dropped on any gap, and in spatial splits the 30 towers of its published folds. Extended keeps every tower and fills a tower&apos;s gaps from the grid. Compare runs only within one recipe.</source>
        <translation>决定通量塔样本和划分的规则。X-MethaneWet 遵循基准：仅湿地通量塔，使用通量塔自身的海拔和气象数据，任何缺测都会剔除该塔年；空间划分只用其公布折中的 30 个通量塔。扩展方案保留所有通量塔，并用网格数据填补缺测。只在同一方案内比较运行。</translation>
    </message>
    <message>
        <source>Looking for interrupted training jobs</source>
        <translation>正在查找中断的训练任务</translation>
    </message>
    <message>
        <source>fold</source>
        <translation>折</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Advanced</source>
        <translation>高级</translation>
    </message>
    <message>
        <source>Learning rate, batch, seed, ensemble, threads, device and how many jobs run at once</source>
        <translation>学习率、批大小、随机种子、集成、线程、设备以及同时运行的任务数</translation>
    </message>
    <message>
        <source>Loss (MSE)</source>
        <translation>损失（MSE）</translation>
    </message>
    <message>
        <source>Training and validation loss per epoch: the mean squared error of the standardised flux</source>
        <translation>每轮的训练与验证损失：标准化通量的均方误差</translation>
    </message>
    <message>
        <source>The X-MethaneWet recipe leaves no tower to train on: %1 of them not wetland (IGBP WET), %2 without LOCATION_ELEV in the site metadata, which the recipe takes as each tower&apos;s elevation. The extended recipe takes the grid cell&apos;s elevation instead.</source>
        <translation>X-MethaneWet 方案没有留下可用于训练的通量塔：其中 %1 座不是湿地（IGBP WET），%2 座在站点元数据中没有 LOCATION_ELEV，而该方案以它作为每座塔的海拔。扩展方案改用网格单元的海拔。</translation>
    </message>
    <message>
        <source>No tower has a year of data to train on.</source>
        <translation>没有通量塔有一整年的数据可供训练。</translation>
    </message>
    <message>
        <source>Pretraining learns from TEM-MDM alone; the towers are not used.</source>
        <translation>预训练只从 TEM-MDM 学习，不使用通量塔。</translation>
    </message>
    <message numerus="yes">
        <source>At most %n site-year(s)</source>
        <translation>
            <numerusform>最多 %n 个站点年</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>of %n tower(s) for training and testing</source>
        <translation>
            <numerusform>，来自 %n 座通量塔，用于训练和测试</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tower(s) not wetland</source>
        <translation>
            <numerusform>%n 座塔不是湿地</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n without LOCATION_ELEV</source>
        <translation>
            <numerusform>%n 座没有 LOCATION_ELEV</numerusform>
        </translation>
    </message>
    <message>
        <source>; left out: %1</source>
        <translation>；略去：%1</translation>
    </message>
    <message>
        <source> (years with gaps in their meteorology drop out when the samples are made).</source>
        <translation>（气象数据有缺口的年份在生成样本时被剔除）。</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
</context>
<context>
    <name>xmw::ui::TrainingQueue</name>
    <message>
        <source>canceled before it started</source>
        <translation>开始前已取消</translation>
    </message>
    <message>
        <source>canceled; the last finished epoch is kept for a resume</source>
        <translation>已取消；最后完成的轮次已保留，可继续训练</translation>
    </message>
    <message numerus="yes">
        <source>Interrupted when the explorer closed, after %n epoch(s); Resume goes on from there</source>
        <translation>
            <numerusform>在浏览器关闭时中断，已完成 %n 轮；“继续”将从此处接着训练</numerusform>
        </translation>
    </message>
    <message>
        <source>canceled before the first epoch ended; nothing was kept</source>
        <translation>在第一个训练轮次结束前取消；未保留任何内容</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>正在训练 %1</translation>
    </message>
</context>
<context>
    <name>xmw::ui::UpscaleRunner</name>
    <message>
        <source>Upscaling %1 over %2</source>
        <translation>正在将 %1 升尺度到 %2 年</translation>
    </message>
</context>
<context>
    <name>xmw::ui::WetlandType</name>
    <message>
        <source>Forested bog</source>
        <translation>森林泥炭藓沼泽</translation>
    </message>
    <message>
        <source>Unforested bog</source>
        <translation>无林泥炭藓沼泽</translation>
    </message>
    <message>
        <source>Forested swamp</source>
        <translation>森林沼泽</translation>
    </message>
    <message>
        <source>Unforested swamp</source>
        <translation>无林沼泽</translation>
    </message>
    <message>
        <source>Alluvial formation (floodplain)</source>
        <translation>冲积地（洪泛平原）</translation>
    </message>
    <message>
        <source>No source names this code.</source>
        <translation>没有来源给出此代码的名称。</translation>
    </message>
    <message>
        <source>Inferred, not stated: only the Okavango floodplain tower (BW-Nxr) has this code, and it matches the fifth wetland group (alluvial formations) of Matthews &amp; Fung (1987) that TEM&apos;s methane module uses.</source>
        <translation>推断，并非明确给出：只有奥卡万戈洪泛平原的通量塔（BW-Nxr）使用此代码，且它与 TEM 甲烷模块所用的 Matthews &amp; Fung (1987) 第五类湿地（冲积地）相符。</translation>
    </message>
    <message>
        <source>As KGML-CH4/wetland_methane_ML&apos;s tower preprocessing names the benchmark&apos;s codes.</source>
        <translation>按照 KGML-CH4/wetland_methane_ML 的通量塔预处理对基准代码的命名。</translation>
    </message>
</context>
</TS>
