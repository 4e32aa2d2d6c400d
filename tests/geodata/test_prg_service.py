"""The word `prg` names the GUGiK PRG WFS service. Only the source is checked here: tests
never connect to it."""
import pytest

from geodata.sources import prg_source

SERVICE = "WFS:https://mapy.geoportal.gov.pl/wss/service/PZGIK/PRG/WFS/AdministrativeBoundaries"


@pytest.mark.parametrize(
    ("level", "layer"),
    [(None, "ms:A03_Granice_gmin"), ("gmina", "ms:A03_Granice_gmin"),
     ("powiat", "ms:A02_Granice_powiatow"), ("wojewodztwo", "ms:A01_Granice_wojewodztw")],
)
def test_prg_means_the_official_wfs_layer_of_the_level(level, layer):
    assert prg_source(level) == (SERVICE, layer)
