#include "ui/app/unit_text.h"

#include <QRegularExpression>
#include <QStringList>

namespace xmw::ui {

namespace {

QString superscript(QStringView exponent)
{
    static const QString digits = QStringLiteral("⁰¹²³⁴⁵⁶⁷⁸⁹");
    QString out;
    for (const QChar c : exponent)
        out += c == QLatin1Char('-') ? QStringLiteral("⁻") : QString(digits[c.digitValue()]);
    return out;
}

// One word of a unit: a chemical formula, a known name, or a unit with an exponent.
QString typesetWord(const QString &word)
{
    static const QRegularExpression powered(QStringLiteral("^([A-Za-zµ]+)(-?[0-9]+)$"));
    if (word == QLatin1String("degC") || word == QLatin1String("deg_C") || word == QLatin1String("degrees_C"))
        return QStringLiteral("°C");
    // Formulas' digits are subscripts, not powers.
    for (const char *formula : {"CH4", "CO2", "H2O", "N2O", "O2"})
        if (word == QLatin1String(formula))
            return QString(word).replace(QLatin1Char('4'), QStringLiteral("₄")).replace(QLatin1Char('2'), QStringLiteral("₂"));
    if (const auto match = powered.match(word); match.hasMatch())
        return match.captured(1) + superscript(match.capturedView(2));
    return word;
}

} // namespace

QString typesetUnit(const QString &unit)
{
    QStringList words = unit.split(QLatin1Char(' '));
    for (QString &word : words) {
        QStringList parts = word.split(QLatin1Char('/'));
        for (QString &part : parts)
            part = typesetWord(part);
        word = parts.join(QLatin1Char('/'));
    }
    return words.join(QLatin1Char(' '));
}

} // namespace xmw::ui
