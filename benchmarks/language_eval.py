"""Measure language detection on short brief sentences: briefcmp.corpus.language against registry detectors.

    python benchmarks/language_eval.py

The sentences were written for this benchmark (one sentence each, the length of a short
brief's lead). Detectors that are not installed are skipped (py3langid: pip install py3langid).
"""

from __future__ import annotations

import sys
import time

from briefcmp.corpus.language import detect

SENTENCES = {
    "en": ["Exports rose 5 percent in 2023, the fastest pace in a decade.",
           "The cabinet approved a record defence budget on Friday.",
           "Inflation eased to 2.1 percent in March, the central bank said.",
           "Japan and South Korea agreed to resume talks on trade.",
           "Debt is forecast to reach 52 percent of GDP by 2027.",
           "The ministry will hire 12,000 soldiers by mid-2026.",
           "Unemployment fell to 3.4 percent in the fourth quarter.",
           "Oil imports from Russia dropped sharply after the sanctions."],
    "de": ["Die Exporte stiegen im Jahr 2023 um 5 Prozent.",
           "Das Kabinett billigte am Freitag einen Rekordhaushalt für die Verteidigung.",
           "Die Inflation sank im März auf 2,1 Prozent, teilte die Zentralbank mit.",
           "Japan und Südkorea wollen die Handelsgespräche wieder aufnehmen.",
           "Die Schulden sollen bis 2027 auf 52 Prozent des BIP steigen.",
           "Das Ministerium will bis Mitte 2026 rund 12.000 Soldaten einstellen.",
           "Die Arbeitslosigkeit sank im vierten Quartal auf 3,4 Prozent.",
           "Die Ölimporte aus Russland gingen nach den Sanktionen stark zurück."],
    "fr": ["Les exportations ont progressé de 5 % en 2023, leur rythme le plus rapide depuis dix ans.",
           "Le gouvernement a adopté vendredi un budget de la défense record.",
           "L'inflation a ralenti à 2,1 % en mars, selon la banque centrale.",
           "Le Japon et la Corée du Sud ont convenu de reprendre les discussions commerciales.",
           "La dette devrait atteindre 52 % du PIB d'ici 2027.",
           "Le ministère recrutera 12 000 soldats d'ici la mi-2026.",
           "Le chômage est tombé à 3,4 % au quatrième trimestre.",
           "Les importations de pétrole russe ont fortement baissé après les sanctions."],
    "es": ["Las exportaciones crecieron un 5 % en 2023, el ritmo más rápido de la década.",
           "El gobierno aprobó el viernes un presupuesto de defensa récord.",
           "La inflación bajó al 2,1 % en marzo, según el banco central.",
           "Japón y Corea del Sur acordaron reanudar las conversaciones comerciales.",
           "La deuda alcanzará el 52 % del PIB en 2027.",
           "El ministerio contratará a 12.000 soldados para mediados de 2026.",
           "El desempleo cayó al 3,4 % en el cuarto trimestre.",
           "Las importaciones de petróleo de Rusia cayeron con fuerza tras las sanciones."],
    "ja": ["2023年の輸出は前年比5％増え、10年ぶりの伸びとなった。",
           "政府は22日、過去最大の防衛予算を閣議決定した。",
           "日銀によると、3月の物価上昇率は2.1％に鈍化した。",
           "日韓両政府は貿易協議の再開で合意した。",
           "債務残高は2027年にGDP比52％に達する見通しだ。",
           "防衛省は2026年半ばまでに1万2000人を採用する。",
           "10～12月期の失業率は3.4％に低下した。",
           "制裁後、ロシアからの原油輸入は大幅に減った。"],
    "ko": ["2023년 수출은 5% 증가해 10년 만에 가장 빠른 속도를 보였다.",
           "정부는 22일 사상 최대 규모의 국방 예산을 의결했다.",
           "한국은행에 따르면 3월 물가 상승률은 2.1%로 둔화됐다.",
           "한일 양국은 무역 협의를 재개하기로 합의했다.",
           "국가채무는 2027년 GDP 대비 52%에 이를 전망이다.",
           "국방부는 2026년 중반까지 1만 2천 명을 채용한다.",
           "4분기 실업률은 3.4%로 하락했다.",
           "제재 이후 러시아산 원유 수입이 크게 줄었다."],
    "zh": ["2023年出口同比增长5%，为十年来最快增速。",
           "政府周五批准了创纪录的国防预算。",
           "央行表示，三月通胀率放缓至2.1%。",
           "日本和韩国同意恢复贸易谈判。",
           "预计到2027年债务将达到国内生产总值的52%。",
           "国防部计划到2026年年中招募一万二千名士兵。",
           "第四季度失业率降至3.4%。",
           "制裁之后，来自俄罗斯的石油进口大幅下降。"],
}


def run(name: str, fn) -> None:
    items = [(lang, s) for lang, ss in SENTENCES.items() for s in ss]
    t = time.perf_counter()
    got = [fn(s) for _, s in items]
    elapsed = time.perf_counter() - t
    right = sum(g == lang for g, (lang, _) in zip(got, items))
    wrong = [(lang, g, s[:40]) for g, (lang, s) in zip(got, items) if g != lang]
    print(f"{name:<24} {right}/{len(items)} right  {elapsed * 1000 / len(items):.3f} ms a sentence")
    for w in wrong:
        print(f"    expected {w[0]}, got {w[1] or '-'}: {w[2]}")


def main() -> int:
    run("briefcmp.corpus.language", detect)
    try:
        t = time.perf_counter()
        import py3langid

        py3langid.classify("warm up")  # loads its model
        print(f"(py3langid import and model load: {time.perf_counter() - t:.2f} s)")
        run("py3langid", lambda s: py3langid.classify(s)[0])
    except ImportError:
        print("py3langid not installed: skipped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
