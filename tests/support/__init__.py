"""What the tests share: factories, test images, a newsroom with its roles,
the seed story as readers see it, and the admin form as a browser posts it.

- ``factories``: factory-boy factories for the newsroom's models.
- ``photos``: in-memory images, uploads and ``PhotoFactory`` (real files).
- ``newsroom``: the Kontributor and Redaktur roles, ``Newsroom`` (two
  agencies, their contributors, an editor) and ready-to-publish stories.
- ``stories``: the seed story with its photos and people, as published.
- ``admin_forms``: a story's change form posted back as a browser would.
"""
