#!/usr/bin/env python3
"""Derive data/stance-vader.tsv, the broad evaluative lexicon of the stance analysis, from the
VADER sentiment lexicon (C.J. Hutto and Eric Gilbert, "VADER: A Parsimonious Rule-based Model for
Sentiment Analysis of Social Media Text", ICWSM 2014; `vader_lexicon.txt` of the `vaderSentiment`
package 3.3.2, MIT licence).

    python3 -m venv /tmp/vader && /tmp/vader/bin/pip install vaderSentiment==3.3.2
    /tmp/vader/bin/python bench/vader_lexicon.py > data/stance-vader.tsv
    python3 bench/vader_lexicon.py PATH/TO/vader_lexicon.txt > data/stance-vader.tsv

Each VADER row is a token, its mean valence (-4 .. +4, ten raters) and the raters' standard
deviation. A word is kept when:

- it is a lower-case English word of three letters or more (letters and inner hyphens): this drops
  emoticons, and most internet abbreviations with them;
- its mean valence is at least THRESHOLD away from 0 (chosen by measurement on the labelled
  sentences, `cargo run --release --example stance_halves`; see docs/accuracy.md);
- the raters agree on its sign: standard deviation at most MAX_SD;
- it is in none of the lists below, each a class of word whose sense in encyclopedic prose is not
  an appraisal: slang and abbreviations; profanity; events, acts and states that narration reports as
  facts (a death, a war, a crime, an illness, a prize); a person's own feelings (`happy`, `afraid`:
  what someone felt, not what a work or a policy is); words that are names of genres, titles
  or terms (`horror`, `tragedy`, `romance`, `honor`, `positive`, `interest`); and adverbs of degree
  (`perfectly deterministic`).

Words the hand-made list (`eval` rows of data/stance-predicates.tsv) already has are left out: that
list decides them. The output is sorted by side and word.
"""

import os
import re
import sys

# Overridable to measure other cut-offs (VADER_THRESHOLD=1.5 ...).
THRESHOLD = float(os.environ.get("VADER_THRESHOLD", "3.0"))
MAX_SD = float(os.environ.get("VADER_MAX_SD", "1.5"))

# Internet slang, abbreviations and interjections that pass the letter test.
SLANG = set(
    """
aas aayf alol ambw aml bff fav ftw fwb gj gla hagd hagn hhoj hugz ilu iluaaf ily iyq kfy kmuf lmao
lmfao lmso lol lolz lya lyb lyl lylab lylas mml muah mwah ptl rofl roflmao rotfl rotflmao rotflmfao
rotflol rotgl sete sfete sgtm slaw swak tgif tia tyvm vbg vbs vip vwd vwp xlnt xoxo xoxozzz ywia
afu bfd bfe bsod btd cwot doa ffs fkm fubar kia mofo nfc nfw nme pita qq snafu wtf wth aok
bwahahah gratz congrats haha hahaha hallelujah hooray hurrah hurrahing hurrahs hurray hurrays woohoo
wow wowed wowing wows yay yummy roflcopter lulz fab funned funner funnest pukka prblms effin damnit
goddam goddammed goddamn goddamns dullsville cutiepie cutey cuties dearie sweetie sweeties muah
woo gla fu nh po sob dx bl ly gj hand heart hearts hug hugs kisses kissing kissable soulmate
sweetheart sweethearts darling darlings darlingness amor amoroso
""".split()
)

# Profanity and slurs: insults, not appraisals an encyclopedia reports in these words.
PROFANITY = set(
    """
ass assfucking assholes bastard bastardise bastardised bastardises bastardising bastardization
bastardizations bastardize bastardized bastardizing bastardly bastards bastardy bitch bitched
bitcheries bitchery bitches bitchier bitchiest bitchily bitchiness bitchy bullshit cocksucker
cocksuckers cunt cunts dick dickhead dipshit douchebag dumbass fag faggot faggots fuck fucked fucker
fuckers fuckface fuckhead fucks fucktard fuked fuking motherfucker motherfucking nigger pissants
pissed pisser shit shithead shitheads shits shittier shittiest shitty slut sluts sluttier sluttiest
sluttish sluttishly sluttishness sluttishnesses slutty twat wanker whore whored whoredom whoredoms
whoremonger whoremongers whores whoreson whoresons tard retard retarded scumbag smartass suckered
suckering sucker suckers sucked bankster
""".split()
)

# Events, acts and states that narration reports as facts: a death, a war, a crime, a punishment,
# an illness, a disaster that happened; a prize, a win, wealth, freedom, a festival, a rescue.
# In a criticism section these are what happened, not what someone thinks of the subject.
FACTS = set(
    """
abandonment abducted abduction abductions accident arrested assassination assassinations assault
assaulted assaulting assaultive assaults attack attacked attacker attackers attacking ban banned
bankrupt beating bereave bereaved bomb broken cancer casualty chaos choke choked chokes choking
contagion corpse dead death die died drown drowned drowns enemies enemy eviction fatal fatalities
fatality fatally felonies felony fired flunked foes foreclosures heroin heroinism illnesses imprisoned
infected jailed kill killed killer killers killing killingly killings molest molestations molester
molesters molesting molests murder murdered murderee murderees murderer murderers murderess
murderesses murdering murders penalty perpetrator poison poisoned poisoner poisoners poisoning
poisonings poisons prison prisoner prisoners prosecution punish punished punishers punishes
punishing punishment rape raped raper rapers rapes raping rapist rapists riot riots rob robber robs
sick smuggler smuggling stab starved starves steal stealers stealing steals stolen strangled
suicide suicidal suspended terrorism terrorisms terrorist terroristic terrorists thief thieve
thieveries thievery thieves torture tortured torturer torturers tortures torturing war warred wars
widowed spammer spamming hooliganism slavery totalitarian totalitarianism fascist defeat defeated
trapped shattered arguing agitators harassment harassments harass harassed harasser harassers harasses
harassing lament lamenting mourns mourningly weep wept sobs cry crying grief grieved grieves grieving
survived rescue save award awardable awards prize prized prizes prizewinner prizewinners
prizewinning medal champ champion champions championships win winner winners winning winningly
winnings wins won gain wealth wealthier wealthiest wealthily wealthiness riches richer richest
festival festive festively festiveness festivities festivity fiesta freedom free freeing liberties
liberty peacekeeping peacemaker peacemakers peaces peacetime peacetimes charities beneficiary bonus
bonuses acceptance agreement engagement celebrate celebrated celebrates celebrating blockbuster
honoree honorees hero heroes heroine villain villainess villainesses villains devil devils
victimhood mocks hell heaven paradise sin sins sinful
""".split()
)

# A person's own feelings: what someone felt (`she was happy`, `he was afraid`), not what a work or
# a policy is.
FEELINGS = set(
    """
aching agitated agonise agonised agonises agonize agonized agonizes anger angered angering angers
angrier angriest angry anguish anguishes anguishing apprehension ashamed crestfallen deject dejected
dejecting dejects depressed despaired despairing despairingly despairs desperation desperations
despondent disconsolate disgusted disgustedly distraught downhearted dread dreaded dreading elated
enraged fear feared fearful fearfuller fearfullest fearfully fearing fuming furious fury glad glee
gleeful glum grateful gratefully gratefulness gratitude grin happier happiest happily happiness happy
heartbroken heavyhearted helpless helplessness hopeful hurt irate jealous jealousies jealously
joyed joying jubilant laugh laughed laughing laughingly laughs laughter laughters livid lonely
loneliest love loved lover lovers loves loving lovingly lovingness mad overjoyed panic panicked
petrified proud prouder proudest proudly rage raged rageful rages raging rejoiced rejoices rejoicing
relaxed relaxedness relief sad sadder saddest scared smiled smiles smiling smilingly sorrow sorrowed
sorrower sorrowful sorrowfully sorrowfulness terrified thankful thankfullest thankfulness unhappier
unhappiest unhappiness unhappinesses worriedly wrathful affection affectionately adore adored
adoring adoringly adoration adorations adorers ecstacy ecstasies ecstasy ecstatic ecstatically
ecstatics euphoria euphoric exultant exhilarated enjoyer enjoyers amazedly amazed delighted
delightedly delightedness excitedly motivated optimist pleasured pleasuring romanced romancing
cheered cheering cheers grimaced woebegone shamefaced shamefacedness
""".split()
)

# Genres, titles and terms whose ordinary sense in an encyclopedia is not an appraisal.
TERMS = set(
    """
horror horrors tragedy tragedies tragic tragical tragically tragics romance romanticism romanticisms
comedically humour humor honor honors honour honours honoring honouring honorability honorable
honorably honourable honorifically positive positives positivist positivities positivity
positiveness positivenesses positiver positivest negativity interest divine divinely divinest
divinity divinize heavenly super supreme supremely supremer supremest grand grandest intellect
intellectual intellectualism intellectualist intelligence justice ethical passion passions
trust trusts credit creditworthy care cares caring dedicated devotion devoting devotionally blessed
blessing blessings merry noble jewels treasured sweet sweets sweetness sunshine luck relaxation
comfortable comforts respect respecting respectful kind kindly wise wisdom magnific pretty
neat optimize optimized optimizers optimizing innovate innovates strength strengthens strengthening
encourage encouragements encouraging encouragingly energise energised energises energize energized
energizer energizes energizing interest inspiration inspirations praise praiser praisers praises
praising applaud applauding approval admiration admire compliment complimenting congratulate
congratulation congratulations terror terrors terrorise terrorised terrorises terrorising terrorization
terrorize terrorized terrorizes terrorizing sick sickened sickener sickeners severely gross
dire grim darkest pain painfully prejudice conspiracy outcry outrage outraged outrages outraging
condemnation condemns blamed blamer blamers blaming ridicule censor chastise chastised
disparage disparaging rejected rejecting rejection rejections rejects violate violated violater
violaters violates violator violence violent violently haunted enslave oppressed havoc troubled
troubles jeopardy pollute polluters pollutes devastated devastate devastates devastating
devastatingly devastation destroyer destroyers destroying fail
""".split()
)

# Adverbs of degree: they grade the word after them (`perfectly deterministic`, `perfectly
# normal`), which decides; they judge nothing themselves.
DEGREE = set(
    """
perfectly horrifyingly
""".split()
)

EXCLUDED = SLANG | PROFANITY | FACTS | FEELINGS | TERMS | DEGREE

MIT = """The MIT License (MIT)

Copyright (c) 2016 C.J. Hutto

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE."""

WORD = re.compile(r"[a-z][a-z\-]*[a-z]")


def vader_path():
    if len(sys.argv) > 1:
        return sys.argv[1]
    import vaderSentiment  # noqa: PLC0415 (only when no path is given)

    return os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt")


def hand_made():
    here = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "stance-predicates.tsv")
    words = set()
    with open(here, encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\n").split("\t")
            if row[0] == "eval" and len(row) >= 3:
                words.update(row[2].split("|"))
    return words


def main():
    known = hand_made()
    kept = []
    with open(vader_path(), encoding="utf-8") as f:
        for line in f:
            row = line.rstrip("\n").split("\t")
            if len(row) < 3:
                continue
            word, mean, sd = row[0], float(row[1]), float(row[2])
            if not WORD.fullmatch(word) or len(word) < 3:
                continue
            if abs(mean) < THRESHOLD or sd > MAX_SD:
                continue
            if word in EXCLUDED or word in known:
                continue
            kept.append(("pro" if mean > 0 else "con", word, mean, sd))
    kept.sort()
    out = sys.stdout
    out.write(
        "# Evaluative words for encyclint's stance analysis (src/analysis/stance/predicates.rs), read\n"
        "# like the `eval` rows of data/stance-predicates.tsv (which decide any word both have).\n"
        "# Derived by bench/vader_lexicon.py (rerun it to regenerate this file) from the VADER\n"
        "# sentiment lexicon: C.J. Hutto and Eric Gilbert, \"VADER: A Parsimonious Rule-based Model\n"
        "# for Sentiment Analysis of Social Media Text\", ICWSM 2014; vader_lexicon.txt of the\n"
        "# vaderSentiment package 3.3.2 (https://github.com/cjhutto/vaderSentiment), under this licence:\n"
        + "".join("# " + l + "\n" if l else "#\n" for l in MIT.splitlines())
        +
        f"# Kept: English words with |mean valence| >= {THRESHOLD} and rater SD <= {MAX_SD}, less slang,\n"
        "# profanity, facts (death, war, prize), a person's own feelings (happy, afraid), genre\n"
        "# or technical terms (horror, positive) and adverbs of degree (perfectly); see the script.\n"
        "# One entry a line: KIND <TAB> SIDE <TAB> WORD <TAB> SOURCE (VADER mean valence and SD).\n\n"
    )
    for side, word, mean, sd in kept:
        out.write(f"eval\t{side}\t{word}\tVADER {mean:+.1f} (sd {sd:.2f})\n")


if __name__ == "__main__":
    main()
