#!/usr/bin/env python3
"""Add or update keys in a pair of resx files: resx.py BASE_PATH_WITHOUT_CULTURE 'Key|zh|en' ..."""
import sys, os
import xml.etree.ElementTree as ET
HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
</root>
'''
base = sys.argv[1]
entries = [a.split('|', 2) for a in sys.argv[2:]]
for idx, culture in ((1, 'zh-CN'), (2, 'en-US')):
    path = f'{base}.{culture}.resx'
    if not os.path.exists(path):
        open(path, 'w', encoding='utf-8').write(HEADER)
    tree = ET.parse(path); root = tree.getroot()
    existing = {d.get('name'): d for d in root.findall('data')}
    for e in entries:
        key, text = e[0], e[idx]
        d = existing.get(key)
        if d is None:
            d = ET.SubElement(root, 'data', {'name': key, '{http://www.w3.org/XML/1998/namespace}space': 'preserve'})
            ET.SubElement(d, 'value')
        d.find('value').text = text
    ET.indent(tree, '  ')
    tree.write(path, encoding='utf-8', xml_declaration=True)
