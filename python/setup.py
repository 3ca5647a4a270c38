"""The sqlite-jcx wheel: the compiled libjcx inside a pure-Python package.

Built by `make python` (build/python/src is a copy of this folder with
libjcx.so and sqlite_jcx/_version.py added), offline:

    /usr/bin/python3 -m build --no-isolation --wheel

The wheel is tagged py3-none-<platform>: the library does not depend on the
Python version, only on the machine (and, on Linux, its glibc).
"""
import os
import re
import sysconfig

from setuptools import setup
from setuptools.dist import Distribution

try:
    from wheel.bdist_wheel import bdist_wheel
except ImportError:  # building an sdist only
    bdist_wheel = None

HERE = os.path.dirname(os.path.abspath(__file__))


def version():
    for path, pattern in (
            (os.path.join(HERE, "sqlite_jcx", "_version.py"), r'__version__ = "([^"]+)"'),
            (os.path.join(HERE, "..", "include", "jcx.h"), r'#define JCX_VERSION "([^"]+)"')):
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                m = re.search(pattern, f.read())
            if m:
                return m.group(1)
    raise SystemExit("setup.py: no version (sqlite_jcx/_version.py or ../include/jcx.h)")


class BinaryDistribution(Distribution):
    """A package with a compiled library in it: never a pure wheel."""

    def has_ext_modules(self):
        return True


cmdclass = {}
if bdist_wheel is not None:
    class PlatformWheel(bdist_wheel):
        def finalize_options(self):
            super().finalize_options()
            self.root_is_pure = False

        def get_tag(self):
            plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
            return "py3", "none", plat

    cmdclass["bdist_wheel"] = PlatformWheel

with open(os.path.join(HERE, "README.md"), encoding="utf-8") as f:
    long_description = f.read()

setup(
    name="sqlite-jcx",
    version=version(),
    description="libjcx for Python's sqlite3: Chinese numbers, metrics and articles in SQL, "
                "and a loader for folders of page files",
    long_description=long_description,
    long_description_content_type="text/markdown",
    packages=["sqlite_jcx"],
    package_data={"sqlite_jcx": ["libjcx.so", "libjcx.dylib", "libjcx.dll"]},
    python_requires=">=3.8",
    extras_require={"dask": ["distributed"]},
    entry_points={"console_scripts": ["sqlite-jcx = sqlite_jcx.loader:main"]},
    distclass=BinaryDistribution,
    cmdclass=cmdclass,
    zip_safe=False,
)
