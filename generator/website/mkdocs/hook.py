"""mkdocs hook: a thin adapter over CatalogueSite (catalogue_site.py), which adds
the catalogue's pages in memory and holds the build's state.

mkdocs loads this file by its path, as a module outside the package: only
absolute imports work here. Each event passes straight on.
"""

from __future__ import annotations

from generator.website.mkdocs.catalogue_site import CatalogueSite

site = CatalogueSite()


def on_startup(command: str, dirty: bool) -> None:
    site.start(command, dirty)


def on_shutdown() -> None:
    site.stop()


def on_config(config):
    site.configure(config)
    return config


def on_files(files, config):
    return site.add_pages(files, config)


def on_nav(nav, config, files):
    site.adopt_pages(files)
    return nav


def on_env(env, config, files):
    return site.environment(env)


def on_page_content(html: str, page, config, files) -> str:
    return site.page_content(html, page)


def on_post_page(output: str, page, config) -> str:
    return site.post_page(output, page)
