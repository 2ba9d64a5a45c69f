from .story import *  # noqa
