#!/usr/bin/env python3
"""Regenerate cameo/codebook.tsv from the shared CAMEO and PLOVER tables.

Usage: python3 scripts/gen-codebook.py [../shared/peer/cameo]
Goldstein values: GDELT's lookup table; codes missing there take their
parent's value. PLOVER: the CAMEO->PLOVER 2021 table (CC BY-SA 4.0); CAMEO 02x
(appeals), absent from it, map to REQUEST; 01x (statements) have no PLOVER
type. Quad class follows GDELT: roots 01-05 verbal cooperation (1), 06-08
material cooperation (2), 09-13 verbal conflict (3), 14-20 material conflict (4).
"""
import re, sys
base = (sys.argv[1] if len(sys.argv) > 1 else '../shared/peer/cameo').rstrip('/') + '/'
names = {}
for l in open(base + 'CAMEO.eventcodes.tsv', encoding='utf-8').read().splitlines()[1:]:
    c, n = l.split('\t', 1)
    names[c] = n.strip().replace('\t', ' ')
gold = {}
for l in open(base + 'CAMEO.goldsteinscale.txt').read().splitlines()[1:]:
    if l.strip():
        c, v = l.split()
        gold[c] = v
plov = {}
for l in open(base + 'CAMEO2PLOVER-2021.txt', encoding='utf-8'):
    m = re.match(r'^(\d+):\s*(.*)$', l)
    if not m:
        continue
    parts = [p.strip() for p in m.group(2).split('#')[0].split(',')]
    parts += [''] * (3 - len(parts))
    plov[m.group(1)] = parts[:3]
def quad(c):
    r = int(c[:2])
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4
out = ['# code\tname\tgoldstein\tquad_class\tplover_type\tplover_mode\tplover_context']
for c in sorted(names, key=lambda c: (c[:2], c)):
    g = gold.get(c) or gold.get(c[:3]) or gold.get(c[:2])
    p = plov.get(c) or (['REQUEST', '', ''] if c.startswith('02') else ['', '', ''])
    out.append('\t'.join([c, names[c], g, str(quad(c))] + p))
open('cameo/codebook.tsv', 'w', encoding='utf-8').write('\n'.join(out) + '\n')
print(len(out) - 1, 'codes')
