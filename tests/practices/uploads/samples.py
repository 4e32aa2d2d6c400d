"""Files to upload, made here: real images (with GPS EXIF, an orientation, a colour profile),
crafted headers, PDFs (plain, with JavaScript, encrypted) and things that only pretend."""
import io
import struct
import zlib

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms
from pypdf import PdfWriter

GPS_IFD = 0x8825
ORIENTATION = 0x0112
# Rotate 90° clockwise to display: a picture stored 400 × 200 is seen 200 × 400.
ROTATE_CW = 6


def upload(name, data, content_type="application/octet-stream"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def halves(width=400, height=200, mode="RGB"):
    """Left half red, right half blue, so a turn is visible in the pixels."""
    picture = Image.new(mode, (width, height), "blue")
    picture.paste(Image.new(mode, (width // 2, height), "red"), (0, 0))
    return picture


def gps_exif(orientation=None):
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"
    if orientation:
        exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (53.0, 7.0, 30.0), 3: "E", 4: (23.0, 9.0, 15.0)}
    return exif


def encoded(picture, fmt, **options):
    buffer = io.BytesIO()
    picture.save(buffer, fmt, **options)
    return buffer.getvalue()


def jpeg_with_gps(orientation=ROTATE_CW, width=400, height=200):
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    return encoded(halves(width, height), "JPEG", exif=gps_exif(orientation),
                   icc_profile=srgb, comment=b"secret comment", quality=95)


def png_with_gps(width=1000, height=300):
    return encoded(halves(width, height, "RGBA"), "PNG", exif=gps_exif())


def webp_with_gps(width=600, height=300):
    return encoded(halves(width, height), "WEBP", exif=gps_exif(), quality=90)


def png_header(width, height):
    """A PNG whose header claims `width` × `height` pixels, with one tiny data chunk: small
    to send, huge to decode."""
    def chunk(kind, body):
        return (struct.pack(">I", len(body)) + kind + body
                + struct.pack(">I", zlib.crc32(kind + body) & 0xFFFFFFFF))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00" * 16)) + chunk(b"IEND", b""))


def pdf(javascript=None, password=None, pages=1):
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if javascript:
        # pypdf 7's successor of add_js: document-level JavaScript run when the PDF opens.
        from pypdf.actions import JavaScript

        writer.add_open_action(JavaScript(javascript))
    if password:
        writer.encrypt(password)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


SVG = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       b'<script>alert(1)</script><rect width="10" height="10"/></svg>')
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"


def gif():
    return encoded(halves(40, 20, "RGB").convert("P"), "GIF")


def zip_file():
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.jpg", b"not really")
    return buffer.getvalue()


def truncated_jpeg():
    data = encoded(halves(800, 600), "JPEG", quality=95)
    return data[: len(data) // 2]


def png_then_html():
    """Starts like a PNG, goes on as a web page: a polyglot no decoder can read."""
    return b"\x89PNG\r\n\x1a\n" + HTML
