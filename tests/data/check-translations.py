#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check that every translation in po/LINGUAS is complete against the sources.

Extracts the messages of the files in po/POTFILES.in with xgettext, merges
each po/<lang>.po with them (msgmerge, without fuzzy matching) and fails when
a message is untranslated or fuzzy, naming each one. Messages of the .po file
that the sources no longer have are reported but do not fail the check.

Usage: check-translations.py SOURCE_ROOT [LANG...]
"""

import os
import re
import subprocess
import sys
import tempfile

XGETTEXT_ARGS = [
    '--keyword=_',
    '--keyword=N_',
    '--keyword=C_:1c,2',
    '--keyword=NC_:1c,2',
    '--keyword=g_dngettext:2,3',
    '--keyword=ngettext:1,2',
    '--add-comments=Translators',
    '--from-code=UTF-8',
]


def run(args, **kwargs):
    result = subprocess.run(args, capture_output=True, text=True, **kwargs)
    if result.returncode != 0:
        sys.stdout.write(result.stdout)
        sys.stdout.write(result.stderr)
        raise SystemExit(f'FAIL: {" ".join(args)} exited with '
                         f'{result.returncode}')
    return result


def parse_po(path):
    """Return (flags, msgctxt, msgid, msgstrs, obsolete) for each entry.

    Only for files written by the gettext tools, which separate entries by
    one blank line.
    """
    def unquote(s):
        s = s.strip()
        if not (s.startswith('"') and s.endswith('"')):
            raise ValueError(f'{path}: unexpected line {s!r}')
        return (s[1:-1].replace('\\n', '\n').replace('\\t', '\t')
                .replace('\\"', '"').replace('\\\\', '\\'))

    with open(path, encoding='utf-8') as f:
        blocks = f.read().split('\n\n')

    entries = []
    for block in blocks:
        flags = set()
        fields = {}
        current = None
        obsolete = False
        for line in block.splitlines():
            if line.startswith('#~'):
                obsolete = True
                line = line[2:].lstrip()
                if line.startswith('|'):
                    continue
            elif line.startswith('#,'):
                flags |= {flag.strip() for flag in line[2:].split(',')}
                continue
            elif line.startswith('#') or not line.strip():
                continue
            if line.startswith('"'):
                fields[current] += unquote(line)
                continue
            key, _, value = line.partition(' ')
            current = key
            fields[key] = unquote(value)
        if 'msgid' in fields:
            msgstrs = [v for k, v in fields.items() if k.startswith('msgstr')]
            entries.append((flags, fields.get('msgctxt'), fields['msgid'],
                            msgstrs, obsolete))
    return entries


def describe(msgctxt, msgid):
    text = msgid.replace('\n', '\\n')
    if len(text) > 100:
        text = text[:97] + '...'
    return f'"{text}"' + (f' (context "{msgctxt}")' if msgctxt else '')


def main():
    if len(sys.argv) < 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = os.path.abspath(sys.argv[1])
    po_dir = os.path.join(root, 'po')
    langs = sys.argv[2:]
    if not langs:
        with open(os.path.join(po_dir, 'LINGUAS'), encoding='utf-8') as f:
            for line in f:
                line = line.split('#', 1)[0]
                langs.extend(line.split())
    if not langs:
        print('FAIL: po/LINGUAS lists no language')
        return 1

    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, 'provisio.pot')
        run(['xgettext', *XGETTEXT_ARGS, '--package-name=provisio',
             '-f', os.path.join('po', 'POTFILES.in'), '-o', pot], cwd=root)
        if not os.path.exists(pot):
            # xgettext writes nothing when no string was found.
            with open(pot, 'w', encoding='utf-8') as f:
                f.write('msgid ""\nmsgstr ""\n'
                        '"Content-Type: text/plain; charset=UTF-8\\n"\n')

        for lang in langs:
            po = os.path.join(po_dir, lang + '.po')
            merged = os.path.join(tmp, lang + '.po')
            if not os.path.exists(po):
                print(f'FAIL: po/LINGUAS lists {lang} but po/{lang}.po '
                      'does not exist')
                failed = True
                continue
            run(['msgmerge', '--quiet', '--no-fuzzy-matching',
                 '--no-wrap', '-o', merged, po, pot])
            stats = run(['msgfmt', '--check', '--statistics',
                         '-o', os.devnull, merged])
            summary = (stats.stderr or stats.stdout).strip()

            untranslated, fuzzy, obsolete = [], [], []
            for flags, ctxt, msgid, msgstrs, is_obsolete in parse_po(merged):
                if msgid == '' and ctxt is None:
                    continue
                if is_obsolete:
                    obsolete.append(describe(ctxt, msgid))
                elif 'fuzzy' in flags:
                    fuzzy.append(describe(ctxt, msgid))
                elif not msgstrs or any(s == '' for s in msgstrs):
                    untranslated.append(describe(ctxt, msgid))

            print(f'po/{lang}.po: {summary}')
            for text in untranslated:
                print(f'FAIL: po/{lang}.po: untranslated: {text}')
            for text in fuzzy:
                print(f'FAIL: po/{lang}.po: fuzzy: {text}')
            for text in obsolete:
                print(f'note: po/{lang}.po: no longer in the sources: {text}')
            if untranslated or fuzzy or \
                    re.search(r'\d+ (?:fuzzy|untranslated)', summary):
                failed = True

    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
