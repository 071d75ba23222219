"""Editors' verbs on sections: merge one section into another, or retire one. Sections are data,
so the newspaper's parts change without a release."""

from django.db import transaction

from articles.models import Article, Post, Section, SectionRule


@transaction.atomic
def merge_sections(source_section: Section, into: Section) -> Section:
    """Everything filed under `source_section` moves to `into`: articles (main and extra
    section), posts and the sources' rules. The merged section is retired and remembers where
    it went, so its old pages can send readers on."""
    if source_section.pk == into.pk:
        raise ValueError("a section cannot be merged into itself")
    if not into.is_active:
        raise ValueError(f"{into} is retired: merge into an active section")
    Article.objects.filter(section=source_section).update(section=into)
    Post.objects.filter(section=source_section).update(section=into)
    SectionRule.objects.filter(section=source_section).update(section=into)

    extra = Article.extra_sections.through.objects
    moving = extra.filter(section=source_section)
    # An article already filed under `into` (as its main or an extra section) keeps one link.
    moving.filter(article__section=into).delete()
    moving.filter(article__in=extra.filter(section=into).values("article")).delete()
    moving.update(section=into)
    extra.filter(section=into, article__section=into).delete()

    # Sections merged into this one before now lead straight to `into`: no chains to follow.
    Section.objects.filter(merged_into=source_section).update(merged_into=into)
    source_section.is_active = False
    source_section.merged_into = into
    source_section.save(update_fields=["is_active", "merged_into"])
    return source_section


def retire_section(section: Section) -> Section:
    """No new articles go to the section; the ones it has keep it, and its page stays up."""
    section.is_active = False
    section.save(update_fields=["is_active"])
    return section
