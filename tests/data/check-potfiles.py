#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check po/POTFILES.in against the sources.

Fails when a file under src/ or data/ holds translatable strings but is not
listed, when a listed file does not exist, or when the list is not sorted
(byte order, as `LC_ALL=C sort` gives) or has duplicates.

Usage: check-potfiles.py SOURCE_ROOT
"""

import os
import re
import subprocess
import sys

SCANNED_DIRS = ('src', 'data')
SCANNED_SUFFIXES = ('.c', '.ui', '.in', '.xml')

# C: _( N_( C_( NC_( and the plural/context helpers, not as part of a longer
# identifier, applied to a string literal (a domain argument such as NULL or
# GETTEXT_PACKAGE may come first): _(variable) extracts nothing. The macro
# definitions themselves are not strings.
C_MARKER = re.compile(
    r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|Q_|ngettext|g_dngettext|g_dpgettext2?|'
    r'g_dgettext|dngettext|dgettext|gettext|pgettext)\s*\(\s*'
    r'(?:[A-Za-z_][A-Za-z0-9_]*\s*,\s*)?"')
C_DEFINE = re.compile(r'^\s*#\s*(?:define|undef|include)\b')

BUILDER_MARKER = re.compile(r'translatable\s*=\s*["\'](?:yes|true|1)["\']')
DESKTOP_KEY = re.compile(r'^\s*(?:Name|GenericName|Comment|Keywords)\s*=\s*\S',
                         re.MULTILINE)
GSCHEMA_MARKER = re.compile(r'<(?:summary|description)>\s*\S')
METAINFO_ROOT = re.compile(r'<component[\s>]')
METAINFO_MARKER = re.compile(
    r'<(?:name|summary|description|caption|developer_name|keyword|'
    r'name_variant_suffix)[\s>]')


def base_name(path):
    """The file name without its trailing .in suffixes."""
    name = os.path.basename(path)
    while name.endswith('.in'):
        name = name[:-3]
    return name


def strip_c_comments(text):
    return re.sub(r'/\*.*?\*/|//[^\n]*', ' ', text, flags=re.DOTALL)


def has_translatable(path, text):
    name = base_name(path)

    if name.endswith('.desktop'):
        return DESKTOP_KEY.search(text) is not None
    if name.endswith('.gschema.xml'):
        return GSCHEMA_MARKER.search(text) is not None
    if (name.endswith('.metainfo.xml') or name.endswith('.appdata.xml')
            or (name.endswith('.xml') and METAINFO_ROOT.search(text))):
        if METAINFO_ROOT.search(text) and METAINFO_MARKER.search(text):
            return True
    if name.endswith('.ui') or name.endswith('.xml'):
        return BUILDER_MARKER.search(text) is not None
    if name.endswith('.c') or name.endswith('.h'):
        code = '\n'.join(line for line in
                          strip_c_comments(text).splitlines()
                          if not C_DEFINE.match(line))
        return C_MARKER.search(code) is not None
    return False


def candidate_files(root):
    found = set()
    for top in SCANNED_DIRS:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith('.'))
            for filename in filenames:
                if filename.endswith(SCANNED_SUFFIXES):
                    full = os.path.join(dirpath, filename)
                    found.add(os.path.relpath(full, root).replace(os.sep, '/'))
    # Tracked files too, in case a walk missed one (nothing to add if git is
    # absent or this is not a checkout).
    try:
        out = subprocess.run(['git', '-C', root, 'ls-files', '--'] +
                             list(SCANNED_DIRS),
                             capture_output=True, text=True, check=True).stdout
        for rel in out.splitlines():
            if rel.endswith(SCANNED_SUFFIXES) and \
                    os.path.isfile(os.path.join(root, rel)):
                found.add(rel)
    except (OSError, subprocess.CalledProcessError):
        pass
    return sorted(found)


def read_potfiles(path):
    entries = []
    with open(path, encoding='utf-8') as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith('#') or line.startswith('['):
                continue
            entries.append((number, line))
    return entries


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = sys.argv[1]
    potfiles_path = os.path.join(root, 'po', 'POTFILES.in')
    entries = read_potfiles(potfiles_path)
    listed = [name for _, name in entries]
    errors = []

    for number, name in entries:
        if not os.path.isfile(os.path.join(root, name)):
            errors.append(f'po/POTFILES.in:{number}: {name} does not exist')

    seen = set()
    for number, name in entries:
        if name in seen:
            errors.append(f'po/POTFILES.in:{number}: {name} is listed twice')
        seen.add(name)

    def byte_key(s):
        return s.encode('utf-8')

    if listed != sorted(listed, key=byte_key):
        for (number, a), (_, b) in zip(entries, entries[1:]):
            if byte_key(a) > byte_key(b):
                errors.append(f'po/POTFILES.in:{number + 1}: {b} is not in '
                              f'sorted order (it comes after {a})')
        errors.append('po/POTFILES.in is not sorted; LC_ALL=C sort gives '
                      'the expected order')

    checked = 0
    for rel in candidate_files(root):
        try:
            with open(os.path.join(root, rel), encoding='utf-8') as f:
                text = f.read()
        except UnicodeDecodeError:
            continue
        checked += 1
        if has_translatable(rel, text) and rel not in seen:
            errors.append(f'{rel} has translatable strings but is missing '
                          'from po/POTFILES.in')

    if errors:
        for error in errors:
            print('FAIL: ' + error)
        return 1
    print(f'po/POTFILES.in: {len(listed)} files listed, sorted, all present; '
          f'{checked} source files checked')
    return 0


if __name__ == '__main__':
    sys.exit(main())
