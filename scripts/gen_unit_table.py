"""Write briefcmp/corpus/unittable.py: physical units, their dimension and factor, from pint.

    python scripts/gen_unit_table.py [--check]

pint (a maintained units library) gives every factor and dimension; this script only chooses
which units briefs use and how they are spelled. The table is generated here, at build time,
rather than pint being imported when briefcmp runs: importing pint and building its registry
costs about 0.35-0.45 s and 18 MB (measured in benchmarks/RESULTS.md), for the few dozen
units a brief uses. ``--check`` exits 1 when the committed table differs from what pint gives
(tests/test_units.py runs it when pint is installed, as the test extra installs it).

Choices pint cannot make (each one a trap of the registry's defaults):
- a *barrel* of oil is pint's ``oil_barrel`` (42 US gallons), not its ``barrel`` (31.5);
- *kt* is a kilotonne here, not pint's knot; *t* and *tonnes* are metric tonnes;
- plain *tons* are metric tonnes too: news agencies and papers write "tons" for the metric tonne
  of trade and official statistics (Reuters' "metric tons", AP's and Kyodo's "tons" of the same
  Conab, Coal India or LNG figures), and a writer who means the 2,000-pound ton says "short
  tons" (or "net tons"), the 2,240-pound one "long tons": those are their own units. Known
  limit: a US domestic figure in short tons written as plain "tons" (EIA coal) reads about 10%
  high against its metric conversion;
- *bcm*, *tcm*, *bcf* (billion cubic metres / feet of gas), *bpd* and *Mt CO2* are trade usage
  pint does not define: they are defined here from pint's units.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "briefcmp" / "corpus" / "unittable.py"

# canonical unit (a symbol, or a name where the symbol reads badly: "tonnes", not "t") ->
# (pint expression, symbols matched as written, words matched in any case)
UNITS: dict[str, tuple[str, list[str], list[str]]] = {
    # power
    "W": ("watt", ["W"], ["watt", "watts"]),
    "kW": ("kilowatt", ["kW"], ["kilowatt", "kilowatts", "kw"]),
    "MW": ("megawatt", ["MW", "MWe"], ["megawatt", "megawatts", "mw"]),
    "GW": ("gigawatt", ["GW", "GWe"], ["gigawatt", "gigawatts", "gw"]),
    "TW": ("terawatt", ["TW"], ["terawatt", "terawatts"]),
    # energy
    "Wh": ("watt_hour", ["Wh"], ["watt hour", "watt hours", "watt-hour", "watt-hours"]),
    "kWh": ("kilowatt_hour", ["kWh"], ["kilowatt hour", "kilowatt hours", "kilowatt-hour", "kilowatt-hours", "kwh"]),
    "MWh": ("megawatt_hour", ["MWh"], ["megawatt hour", "megawatt hours", "megawatt-hour", "megawatt-hours", "mwh"]),
    "GWh": ("gigawatt_hour", ["GWh"], ["gigawatt hour", "gigawatt hours", "gigawatt-hour", "gigawatt-hours", "gwh"]),
    "TWh": ("terawatt_hour", ["TWh"], ["terawatt hour", "terawatt hours", "terawatt-hour", "terawatt-hours", "twh"]),
    "GJ": ("gigajoule", ["GJ"], ["gigajoule", "gigajoules"]),
    "PJ": ("petajoule", ["PJ"], ["petajoule", "petajoules"]),
    "EJ": ("exajoule", ["EJ"], ["exajoule", "exajoules"]),
    "toe": ("tonne_of_oil_equivalent", ["toe"], ["tonne of oil equivalent", "tonnes of oil equivalent"]),
    "Mtoe": ("1e6 * tonne_of_oil_equivalent", ["Mtoe"], ["mtoe"]),
    "MMBtu": ("1e6 * Btu", ["MMBtu"], ["mmbtu"]),
    # mass
    "kg": ("kilogram", ["kg"], ["kilogram", "kilograms", "kilogramme", "kilogrammes"]),
    "tonnes": ("metric_ton", ["t", "tCO2", "tCO2e"], ["tonne", "tonnes", "metric ton", "metric tons", "metric tonne",
                                               "metric tonnes", "tonnes of co2", "tonnes of carbon dioxide",
                                               "ton", "tons"]),
    "short tons": ("short_ton", [], ["short ton", "short tons", "net ton", "net tons"]),
    "long tons": ("long_ton", [], ["long ton", "long tons", "gross ton", "gross tons"]),
    "kt": ("1e3 * metric_ton", ["kt"], ["kilotonne", "kilotonnes", "kilotons"]),
    "Mt": ("1e6 * metric_ton", ["Mt", "MtCO2", "MtCO2e", "Mt CO2", "Mt CO2e", "Mt CO2-eq", "MtCO2-eq"],
           # "mmt": a million metric tons as USDA and the grain and shipping trades abbreviate it
           ["megatonne", "megatonnes", "megaton", "megatons", "mtco2", "mt co2", "mtco2e", "mt co2e", "mmt"]),
    "Gt": ("1e9 * metric_ton", ["Gt", "GtCO2", "GtCO2e", "Gt CO2", "Gt CO2e"],
           ["gigatonne", "gigatonnes", "gtco2", "gt co2", "gtco2e", "gt co2e"]),
    # length
    "metres": ("meter", ["m"], ["metre", "metres", "meter", "meters"]),
    "km": ("kilometer", ["km"], ["kilometre", "kilometres", "kilometer", "kilometers"]),
    "miles": ("mile", ["mi"], ["mile", "miles"]),
    # area
    "square metres": ("meter ** 2", ["m2", "m²"], ["square metre", "square metres", "square meter", "square meters", "sq m"]),
    "km2": ("kilometer ** 2", ["km2", "km²"], ["square kilometre", "square kilometres", "square kilometer",
                                                 "square kilometers", "sq km"]),
    "ha": ("hectare", ["ha"], ["hectare", "hectares"]),
    "acres": ("acre", [], ["acre", "acres"]),
    # volume
    "cubic metres": ("meter ** 3", ["m3", "m³"], ["cubic metre", "cubic metres", "cubic meter", "cubic meters", "cu m"]),
    "cubic feet": ("foot ** 3", ["ft3", "ft³"], ["cubic foot", "cubic feet", "cu ft"]),
    "mcm": ("1e6 * meter ** 3", [], ["mcm"]),
    "bcm": ("1e9 * meter ** 3", [], ["bcm"]),
    "tcm": ("1e12 * meter ** 3", [], ["tcm"]),
    "bcf": ("1e9 * foot ** 3", [], ["bcf"]),
    "tcf": ("1e12 * foot ** 3", [], ["tcf"]),
    "litres": ("liter", ["L"], ["litre", "litres", "liter", "liters"]),
    "barrels": ("oil_barrel", ["bbl"], ["barrel", "barrels", "barrels of oil", "barrels of crude"]),
    # flow
    "barrels per day": ("oil_barrel / day", ["b/d", "bbl/d"], ["barrels per day", "barrels a day", "barrels of oil per day",
                                                     "barrels of oil a day", "barrels of crude per day", "bpd"]),
    "bcm/y": ("1e9 * meter ** 3 / year", [], ["bcm a year", "bcm per year", "bcm/y", "bcma"]),
    # small lengths and their rates: rainfall, sea level ("3.4 mm a year"). The bare symbols "mm" and "cm"
    # are not read: "155mm shells" and "a 120 mm mortar" are calibres, names of a weapon, not figures.
    "millimetres": ("millimeter", [], ["millimetre", "millimetres", "millimeter", "millimeters"]),
    "centimetres": ("centimeter", [], ["centimetre", "centimetres", "centimeter", "centimeters"]),
    "mm/year": ("millimeter / year", ["mm/yr", "mm/year", "mm/y"],
                ["mm a year", "mm per year", "millimetres a year", "millimetres per year", "millimeters a year",
                 "millimeters per year"]),
    # temperatures as differences (an anomaly "1.55 °C above the 1850-1900 average", a record "48.8°C"):
    # pint's delta units, so a kelvin difference is a Celsius one. Fahrenheit is its own dimension: an
    # absolute 119.8 °F is 48.8 °C but a 2.7 °F rise is 1.5 °C, and the text rarely says which it is.
    "°C": ("delta_degree_Celsius", ["°C", "ºC", "° C", "℃"],
           ["degrees celsius", "degree celsius", "celsius degrees", "degrees centigrade", "deg c"]),
    "°F": ("delta_degree_Fahrenheit", ["°F", "ºF", "° F", "℉"],
           ["degrees fahrenheit", "degree fahrenheit", "fahrenheit degrees"]),
    # concentrations ("420 ppm of carbon dioxide")
    "ppm": ("ppm", ["ppm"], ["parts per million", "ppm"]),
    "ppb": ("1e-3 * ppm", ["ppb"], ["parts per billion", "ppb"]),
}

# Units whose dimension is named here, not from pint's (which calls every concentration dimensionless and
# would make a kelvin rise and a Fahrenheit one comparable)
OWN_DIMENSION = {"°F": "temperature (Fahrenheit)", "ppm": "concentration", "ppb": "concentration"}

# pint's dimensionality -> the dimension's name in briefcmp
DIMENSIONS = {
    "[mass] * [length] ** 2 / [time] ** 3": "power",
    "[mass] * [length] ** 2 / [time] ** 2": "energy",
    "[mass]": "mass",
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[length] ** 3 / [time]": "volume per time",
    "[length] / [time]": "length per time",
    "[temperature]": "temperature",
}


def table() -> str:
    import pint

    ureg = pint.UnitRegistry()
    lines = ['"""Physical units: dimension and factor to SI base units. GENERATED by scripts/gen_unit_table.py',
             'from pint\'s definitions: do not edit; edit the script and run it again."""', "",
             "# canonical unit -> (dimension, factor to the SI base unit of the dimension)", "UNITS = {"]
    spellings: dict[str, str] = {}
    words: dict[str, str] = {}
    for symbol, (expr, symbols, names) in UNITS.items():
        q = ureg.Quantity(expr) if expr[0].isdigit() else ureg.Quantity(1, expr)
        dim = OWN_DIMENSION.get(symbol) or DIMENSIONS[str(q.dimensionality)]
        factor = float(q.to_base_units().magnitude)
        lines.append(f"    {symbol!r}: ({dim!r}, {factor!r}),")
        for s in [symbol, *symbols]:
            spellings[s] = symbol
        for w in names:
            words[w.lower()] = symbol
    lines += ["}", "# written as is (case matters: Mt is a megatonne, mt is not told apart) -> canonical unit",
              "SYMBOLS = {"]
    lines += [f"    {k!r}: {v!r}," for k, v in spellings.items()]
    lines += ["}", "# words and unambiguous abbreviations, lower case -> canonical unit", "WORDS = {"]
    lines += [f"    {k!r}: {v!r}," for k, v in words.items()]
    lines += ["}", ""]
    return "\n".join(lines)


def _tables(text: str) -> tuple[dict, dict, dict]:
    import ast

    found = {t.targets[0].id: ast.literal_eval(t.value) for t in ast.parse(text).body if isinstance(t, ast.Assign)}
    return found["UNITS"], found["SYMBOLS"], found["WORDS"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the committed table is out of date")
    args = parser.parse_args(argv)
    text = table()
    if args.check:  # the same units, spellings and factors (to 1e-9: pint versions may round differently)
        new, old = _tables(text), _tables(OUT.read_text(encoding="utf-8"))
        same = new[1:] == old[1:] and new[0].keys() == old[0].keys() and all(
            new[0][u][0] == old[0][u][0] and abs(new[0][u][1] - old[0][u][1]) <= 1e-9 * new[0][u][1] for u in new[0])
        if not same:
            print(f"{OUT}: out of date; run scripts/gen_unit_table.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
