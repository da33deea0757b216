"""What every check reports, and how.

* :mod:`~helpcenter.report.finding` - :class:`~helpcenter.report.finding.Finding`,
  the one type of finding (file, line, column, rule code, message);
* :mod:`~helpcenter.report.messages` - one catalog of rule codes and texts, in
  Chinese and English, merged from each checker's ``rules`` module;
* :mod:`~helpcenter.report.formats` - findings as text, JSON or GitHub annotations;
* :mod:`~helpcenter.report.rule_table` - the rule tables of the contributor guide.
"""
