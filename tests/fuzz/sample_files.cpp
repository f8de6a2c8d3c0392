#include "sample_files.h"

#include <zlib.h>

#include <array>
#include <cstring>
#include <memory>

#include <draco/compression/encode.h>
#include <draco/mesh/triangle_soup_mesh_builder.h>
#include <draco/point_cloud/point_cloud_builder.h>

namespace axis::samples {
namespace {

template <class T>
void put(std::string& out, T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));
    out.append(bytes, sizeof(T));
}

template <class T>
void putBigEndian(std::string& out, T value) {
    for (int i = int(sizeof(T)) - 1; i >= 0; --i) out.push_back(char((std::uint64_t(value) >> (8 * i)) & 0xff));
}

std::string base64(const std::string& in) {
    static const char* kDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < in.size(); i += 3) {
        const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8 | (unsigned char)in[i + 2];
        for (int k = 3; k >= 0; --k) out.push_back(kDigits[(v >> (6 * k)) & 63]);
    }
    if (i + 1 == in.size()) {
        const unsigned v = (unsigned char)in[i] << 16;
        out += {kDigits[v >> 18 & 63], kDigits[v >> 12 & 63], '=', '='};
    } else if (i + 2 == in.size()) {
        const unsigned v = (unsigned char)in[i] << 16 | (unsigned char)in[i + 1] << 8;
        out += {kDigits[v >> 18 & 63], kDigits[v >> 12 & 63], kDigits[v >> 6 & 63], '='};
    }
    return out;
}

// A unit quad split into two triangles, with a colour per corner.
constexpr float kQuad[4][3] = {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}};
constexpr int kQuadFaces[2][3] = {{0, 1, 2}, {0, 2, 3}};
constexpr unsigned char kQuadColors[4][3] = {{255, 0, 0}, {0, 255, 0}, {0, 0, 255}, {255, 255, 255}};

std::string plyHeader(const std::string& encoding, const std::string& vertexProps, const std::string& faces) {
    return "ply\nformat " + encoding + " 1.0\ncomment made by axisview's sample generator\nelement vertex 4\n" +
           vertexProps + faces + "end_header\n";
}

std::vector<Sample> plyFiles() {
    std::vector<Sample> out;
    const std::string xyz = "property float x\nproperty float y\nproperty float z\n";
    const std::string rgb = "property uchar red\nproperty uchar green\nproperty uchar blue\n";
    const std::string faces = "element face 2\nproperty list uchar int vertex_indices\n";
    {
        std::string s = plyHeader("ascii", xyz + rgb, faces);
        for (int v = 0; v < 4; ++v)
            s += std::to_string(kQuad[v][0]) + " " + std::to_string(kQuad[v][1]) + " 0 " + std::to_string(kQuadColors[v][0]) +
                 " " + std::to_string(kQuadColors[v][1]) + " " + std::to_string(kQuadColors[v][2]) + "\n";
        s += "3 0 1 2\n3 0 2 3\n";
        out.push_back({"quad_ascii.ply", s});
    }
    for (bool big : {false, true}) {
        std::string s = plyHeader(big ? "binary_big_endian" : "binary_little_endian", xyz + rgb, faces);
        for (int v = 0; v < 4; ++v) {
            for (int c = 0; c < 3; ++c) {
                std::uint32_t bits;
                std::memcpy(&bits, &kQuad[v][c], 4);
                big ? putBigEndian(s, bits) : put(s, bits);
            }
            for (int c = 0; c < 3; ++c) s.push_back(char(kQuadColors[v][c]));
        }
        for (const auto& f : kQuadFaces) {
            s.push_back(3);
            for (int i : f) big ? putBigEndian(s, std::uint32_t(i)) : put(s, std::int32_t(i));
        }
        out.push_back({big ? "quad_binary_be.ply" : "quad_binary_le.ply", s});
    }
    {
        std::string s = plyHeader("binary_little_endian", xyz, "element tristrips 1\nproperty list int int vertex_indices\n");
        for (const auto& v : kQuad)
            for (float c : v) put(s, c);
        put(s, std::int32_t(6));
        for (int i : {0, 1, 3, 2, -1, 0}) put(s, std::int32_t(i));
        out.push_back({"strip.ply", s});
    }
    {
        std::string s = "ply\nformat ascii 1.0\ncomment TextureFile missing.png\nelement vertex 4\n" + xyz +
                        "property float nx\nproperty float ny\nproperty float nz\nproperty float s\nproperty float t\n" +
                        "element face 1\nproperty list uchar uint vertex_indices\nelement extra 1\nproperty double w\n"
                        "end_header\n";
        for (const auto& v : kQuad) s += std::to_string(v[0]) + " " + std::to_string(v[1]) + " 0 0 0 1 " + std::to_string(v[0]) + " " + std::to_string(v[1]) + "\n";
        s += "4 0 1 2 3\n1.5\n";
        out.push_back({"quad_uv_normals.ply", s});
    }
    {
        std::string s = "ply\nformat binary_little_endian 1.0\nelement vertex 3\n" + xyz +
                        "property ushort red\nproperty ushort green\nproperty ushort blue\nend_header\n";
        for (int v = 0; v < 3; ++v) {
            for (float c : kQuad[v]) put(s, c);
            for (int c = 0; c < 3; ++c) put(s, std::uint16_t(kQuadColors[v][c] * 257));
        }
        out.push_back({"points16.ply", s});
    }
    return out;
}

std::vector<Sample> objFiles() {
    return {
        {"quad.obj", "# quad\nmtllib missing.mtl\no quad\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\n"
                     "vn 0 0 1\nusemtl stone\nf 1/1/1 2/2/1 3/3/1 4/4/1\n"},
        {"colors.obj", "v 0 0 0 1 0 0\nv 1 0 0 0 1 0\nv 0 1 0 0 0 1\nf 1 2 3\nf -3 -2 -1\n"},
        {"points.obj", "v 0 0 0\nv 1 0 0\nv 0 1 0\np 1 2 3\nl 1 2\n"},
        {"groups.obj", "g a\nv 0 0 0\nv 1 0 0\nv 0 1 0\nv 0 0 1\nf 1//1 2//1 3//1\ng b\ns 1\nvn 0 0 1\nf 1//1 3//1 4//1\n"},
    };
}

std::vector<Sample> stlFiles() {
    std::string ascii = "solid quad\n";
    std::string binary(80, ' ');
    put(binary, std::uint32_t(2));
    for (const auto& f : kQuadFaces) {
        ascii += " facet normal 0 0 1\n  outer loop\n";
        for (float c : {0.0f, 0.0f, 1.0f}) put(binary, c);
        for (int i : f) {
            ascii += "   vertex " + std::to_string(kQuad[i][0]) + " " + std::to_string(kQuad[i][1]) + " 0\n";
            for (float c : kQuad[i]) put(binary, c);
        }
        put(binary, std::uint16_t(0));
        ascii += "  endloop\n endfacet\n";
    }
    ascii += "endsolid quad\n";
    return {{"quad_ascii.stl", ascii}, {"quad_binary.stl", binary}};
}

std::vector<Sample> offFiles() {
    return {{"quad.off", "OFF\n4 1 0\n0 0 0\n1 0 0\n1 1 0\n0 1 0\n4 0 1 2 3\n"},
            {"tri_color.off", "COFF\n3 1 0\n0 0 0 255 0 0 255\n1 0 0 0 255 0 255\n0 1 0 0 0 255 255\n3 0 1 2\n"}};
}

std::vector<Sample> daeFiles() {
    const std::string dae = R"(<?xml version="1.0" encoding="utf-8"?>
<COLLADA xmlns="http://www.collada.org/2005/11/COLLADASchema" version="1.4.1">
  <asset><unit name="meter" meter="1"/><up_axis>Y_UP</up_axis></asset>
  <library_effects><effect id="fx"><profile_COMMON><technique sid="t"><lambert>
    <diffuse><color>0.8 0.6 0.4 1</color></diffuse></lambert></technique></profile_COMMON></effect></library_effects>
  <library_materials><material id="mat" name="stone"><instance_effect url="#fx"/></material></library_materials>
  <library_geometries><geometry id="quad" name="quad"><mesh>
    <source id="pos"><float_array id="pos-a" count="12">0 0 0 1 0 0 1 1 0 0 1 0</float_array>
      <technique_common><accessor source="#pos-a" count="4" stride="3">
        <param name="X" type="float"/><param name="Y" type="float"/><param name="Z" type="float"/>
      </accessor></technique_common></source>
    <vertices id="verts"><input semantic="POSITION" source="#pos"/></vertices>
    <triangles material="m" count="2"><input semantic="VERTEX" source="#verts" offset="0"/><p>0 1 2 0 2 3</p></triangles>
  </mesh></geometry></library_geometries>
  <library_visual_scenes><visual_scene id="scene"><node id="n" name="n">
    <matrix>1 0 0 0 0 1 0 0 0 0 1 0 0 0 0 1</matrix>
    <instance_geometry url="#quad"><bind_material><technique_common>
      <instance_material symbol="m" target="#mat"/></technique_common></bind_material></instance_geometry>
  </node></visual_scene></library_visual_scenes>
  <scene><instance_visual_scene url="#scene"/></scene>
</COLLADA>
)";
    return {{"quad.dae", dae}};
}

// Positions then uint16 indices of the quad (the binary buffer of the plain glTF samples).
std::string quadBuffer() {
    std::string b;
    for (const auto& v : kQuad)
        for (float c : v) put(b, c);
    for (const auto& f : kQuadFaces)
        for (int i : f) put(b, std::uint16_t(i));
    return b;  // 48 + 12 bytes
}

std::string plainGltfJson(const std::string& bufferEntry, const std::string& extra) {
    return R"({"asset":{"version":"2.0"},)" + extra + R"("buffers":[)" + bufferEntry + R"(],
"bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":48},{"buffer":0,"byteOffset":48,"byteLength":12}],
"accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
             {"bufferView":1,"componentType":5123,"count":6,"type":"SCALAR"}],
"materials":[{"name":"stone","pbrMetallicRoughness":{"baseColorFactor":[0.8,0.6,0.4,1]}}],
"meshes":[{"name":"quad","primitives":[{"attributes":{"POSITION":0},"indices":1,"material":0}]}],
"nodes":[{"mesh":0,"children":[1]},{"mesh":0,"translation":[2,0,0],"rotation":[0,0,0.7071,0.7071]}],
"scenes":[{"nodes":[0]}],"scene":0})";
}

std::string dracoQuad(bool points, int& positionId, int& colorId) {
    draco::EncoderBuffer buffer;
    draco::Encoder encoder;
    if (points) {
        draco::PointCloudBuilder builder;
        builder.Start(4);
        positionId = builder.AddAttribute(draco::GeometryAttribute::POSITION, 3, draco::DT_FLOAT32);
        colorId = builder.AddAttribute(draco::GeometryAttribute::COLOR, 3, draco::DT_UINT8);
        for (int v = 0; v < 4; ++v) {
            builder.SetAttributeValueForPoint(positionId, draco::PointIndex(v), kQuad[v]);
            builder.SetAttributeValueForPoint(colorId, draco::PointIndex(v), kQuadColors[v]);
        }
        auto cloud = builder.Finalize(false);
        positionId = int(cloud->attribute(positionId)->unique_id());
        colorId = int(cloud->attribute(colorId)->unique_id());
        if (!encoder.EncodePointCloudToBuffer(*cloud, &buffer).ok()) return {};
    } else {
        draco::TriangleSoupMeshBuilder builder;
        builder.Start(2);
        positionId = builder.AddAttribute(draco::GeometryAttribute::POSITION, 3, draco::DT_FLOAT32);
        colorId = builder.AddAttribute(draco::GeometryAttribute::COLOR, 3, draco::DT_UINT8);
        for (int f = 0; f < 2; ++f) {
            const int* i = kQuadFaces[f];
            builder.SetAttributeValuesForFace(positionId, draco::FaceIndex(f), kQuad[i[0]], kQuad[i[1]], kQuad[i[2]]);
            builder.SetAttributeValuesForFace(colorId, draco::FaceIndex(f), kQuadColors[i[0]], kQuadColors[i[1]], kQuadColors[i[2]]);
        }
        auto mesh = builder.Finalize();
        positionId = int(mesh->attribute(positionId)->unique_id());
        colorId = int(mesh->attribute(colorId)->unique_id());
        if (!encoder.EncodeMeshToBuffer(*mesh, &buffer).ok()) return {};
    }
    return std::string(buffer.data(), buffer.size());
}

std::string dracoGltfJson(const std::string& bufferEntry, std::size_t length, bool points, int positionId, int colorId) {
    const std::string ids = R"("POSITION":)" + std::to_string(positionId) + R"(,"COLOR_0":)" + std::to_string(colorId);
    return R"({"asset":{"version":"2.0"},"extensionsUsed":["KHR_draco_mesh_compression"],
"extensionsRequired":["KHR_draco_mesh_compression"],"buffers":[)" + bufferEntry + R"(],
"bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":)" + std::to_string(length) + R"(}],
"accessors":[{"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
             {"componentType":5121,"normalized":true,"count":4,"type":"VEC3"},
             {"componentType":5123,"count":6,"type":"SCALAR"}],
"meshes":[{"name":"draco","primitives":[{"attributes":{"POSITION":0,"COLOR_0":1},)" +
           (points ? std::string(R"("mode":0,)") : std::string(R"("indices":2,)")) +
           R"("extensions":{"KHR_draco_mesh_compression":{"bufferView":0,"attributes":{)" + ids + R"(}}}}]}],
"nodes":[{"mesh":0,"scale":[2,2,2]}],"scenes":[{"nodes":[0]}],"scene":0})";
}

std::vector<Sample> gltfFiles() {
    std::vector<Sample> out;
    const std::string buffer = quadBuffer();
    const std::string uri = R"({"byteLength":60,"uri":"data:application/octet-stream;base64,)" + base64(buffer) + R"("})";
    out.push_back({"quad.gltf", plainGltfJson(uri, "")});
    out.push_back({"quad_missing_bin.gltf", plainGltfJson(R"({"byteLength":60,"uri":"quad.bin"})", "")});
    for (bool points : {false, true}) {
        int positionId = 0, colorId = 0;
        const std::string draco = dracoQuad(points, positionId, colorId);
        const std::string entry = R"({"byteLength":)" + std::to_string(draco.size()) +
                                  R"(,"uri":"data:application/octet-stream;base64,)" + base64(draco) + R"("})";
        out.push_back({points ? "points_draco.gltf" : "quad_draco.gltf", dracoGltfJson(entry, draco.size(), points, positionId, colorId)});
    }
    return out;
}

std::vector<Sample> glbFiles() {
    std::vector<Sample> out;
    const std::string buffer = quadBuffer();
    out.push_back({"quad.glb", glb(plainGltfJson(R"({"byteLength":60})", ""), buffer)});
    {
        // With an embedded 4x4 PNG base-colour texture.
        std::string bin = buffer;
        std::string texcoords;
        for (const auto& v : kQuad) put(texcoords, v[0]), put(texcoords, v[1]);
        const std::string png = solidPng(4, 4, 200, 150, 100);
        bin += texcoords + png;
        const std::string json = R"({"asset":{"version":"2.0"},"buffers":[{"byteLength":)" + std::to_string(bin.size()) + R"(}],
"bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":48},{"buffer":0,"byteOffset":48,"byteLength":12},
               {"buffer":0,"byteOffset":60,"byteLength":32},{"buffer":0,"byteOffset":92,"byteLength":)" +
                                 std::to_string(png.size()) + R"(}],
"accessors":[{"bufferView":0,"componentType":5126,"count":4,"type":"VEC3","min":[0,0,0],"max":[1,1,0]},
             {"bufferView":1,"componentType":5123,"count":6,"type":"SCALAR"},
             {"bufferView":2,"componentType":5126,"count":4,"type":"VEC2"}],
"images":[{"bufferView":3,"mimeType":"image/png"}],"samplers":[{}],"textures":[{"source":0,"sampler":0}],
"materials":[{"pbrMetallicRoughness":{"baseColorTexture":{"index":0}}}],
"meshes":[{"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":2},"indices":1,"material":0}]}],
"nodes":[{"mesh":0}],"scenes":[{"nodes":[0]}]})";
        out.push_back({"quad_textured.glb", glb(json, bin)});
    }
    int positionId = 0, colorId = 0;
    const std::string draco = dracoQuad(false, positionId, colorId);
    out.push_back({"quad_draco.glb", glb(dracoGltfJson(R"({"byteLength":)" + std::to_string(draco.size()) + "}", draco.size(), false,
                                                       positionId, colorId),
                                         draco)});
    return out;
}

void pngChunk(std::string& out, const char* type, const std::string& data) {
    putBigEndian(out, std::uint32_t(data.size()));
    std::string body = std::string(type, 4) + data;
    out += body;
    putBigEndian(out, std::uint32_t(crc32(0, reinterpret_cast<const Bytef*>(body.data()), uInt(body.size()))));
}

std::string ihdr(std::uint32_t width, std::uint32_t height) {
    std::string h;
    putBigEndian(h, width);
    putBigEndian(h, height);
    h += {8, 2, 0, 0, 0};  // 8-bit RGB, deflate, adaptive filter, no interlace.
    return h;
}

}  // namespace

std::string glb(const std::string& json, const std::string& bin) {
    std::string j = json, b = bin;
    while (j.size() % 4) j.push_back(' ');
    while (b.size() % 4) b.push_back('\0');
    std::string out;
    put(out, std::uint32_t(0x46546C67));  // "glTF"
    put(out, std::uint32_t(2));
    put(out, std::uint32_t(12 + 8 + j.size() + (b.empty() ? 0 : 8 + b.size())));
    put(out, std::uint32_t(j.size()));
    put(out, std::uint32_t(0x4E4F534A));  // "JSON"
    out += j;
    if (!b.empty()) {
        put(out, std::uint32_t(b.size()));
        put(out, std::uint32_t(0x004E4942));  // "BIN\0"
        out += b;
    }
    return out;
}

std::string solidPng(std::uint32_t width, std::uint32_t height, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
    std::string out = "\x89PNG\r\n\x1a\n";
    pngChunk(out, "IHDR", ihdr(width, height));
    std::string row(1 + std::size_t(width) * 3, '\0');  // Filter byte 0, then RGB.
    for (std::uint32_t x = 0; x < width; ++x) row[1 + x * 3] = char(r), row[2 + x * 3] = char(g), row[3 + x * 3] = char(b);
    z_stream z{};
    deflateInit(&z, Z_BEST_SPEED);
    std::string idat;
    std::array<unsigned char, 1 << 16> chunk;
    for (std::uint32_t y = 0; y <= height; ++y) {
        const bool last = y == height;
        z.next_in = last ? nullptr : reinterpret_cast<Bytef*>(row.data());
        z.avail_in = last ? 0 : uInt(row.size());
        do {
            z.next_out = chunk.data();
            z.avail_out = uInt(chunk.size());
            deflate(&z, last ? Z_FINISH : Z_NO_FLUSH);
            idat.append(reinterpret_cast<const char*>(chunk.data()), chunk.size() - z.avail_out);
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    pngChunk(out, "IDAT", idat);
    pngChunk(out, "IEND", "");
    return out;
}

std::string pngHeaderOnly(std::uint32_t width, std::uint32_t height) {
    std::string out = "\x89PNG\r\n\x1a\n";
    pngChunk(out, "IHDR", ihdr(width, height));
    pngChunk(out, "IEND", "");
    return out;
}

std::string jpegHeaderOnly(std::uint16_t width, std::uint16_t height) {
    std::string out = "\xFF\xD8";  // SOI
    // A quantisation table (all ones) and a baseline SOF0 with three components.
    out += "\xFF\xDB";
    putBigEndian(out, std::uint16_t(67));
    out.push_back(0);
    out.append(64, '\x01');
    out += "\xFF\xC0";
    putBigEndian(out, std::uint16_t(17));
    out.push_back(8);
    putBigEndian(out, height);
    putBigEndian(out, width);
    out.push_back(3);
    for (char id = 1; id <= 3; ++id) out += {id, '\x11', '\0'};
    out += "\xFF\xD9";  // EOI, no scan.
    return out;
}

// A LAS file of the quad's corners: header (227 bytes for 1.2, 375 for 1.4), no VLRs, points at
// `offset` (metres) with scale 1 mm; RGB where the format has it.
std::string las(int minor, int format, double offset) {
    static const int kLength[] = {20, 28, 26, 34, 0, 0, 30, 36, 38};
    static const int kRgb[] = {0, 0, 20, 28, 0, 0, 0, 30, 30};
    const std::uint16_t headerSize = minor >= 4 ? 375 : 227;
    std::string h(headerSize, '\0');
    auto at = [&h](std::size_t pos, auto value) { std::memcpy(&h[pos], &value, sizeof value); };
    h.replace(0, 4, "LASF");
    h[24] = 1, h[25] = char(minor);
    at(94, headerSize);
    at(96, std::uint32_t(headerSize));
    h[104] = char(format);
    at(105, std::uint16_t(kLength[format]));
    at(107, std::uint32_t(minor >= 4 ? 0 : 4));
    for (int i = 0; i < 3; ++i) at(131 + 8 * i, 0.001), at(155 + 8 * i, offset);
    if (minor >= 4) at(247, std::uint64_t(4));
    for (int v = 0; v < 4; ++v) {
        std::string point(kLength[format], '\0');
        for (int i = 0; i < 3; ++i) {
            const std::int32_t q = std::int32_t(kQuad[v][i] * 1000);
            std::memcpy(&point[4 * i], &q, 4);
        }
        const std::uint16_t intensity = std::uint16_t(100 * (v + 1));
        std::memcpy(&point[12], &intensity, 2);
        if (kRgb[format])
            for (int c = 0; c < 3; ++c) {
                const std::uint16_t value = std::uint16_t(kQuadColors[v][c] * 257);
                std::memcpy(&point[kRgb[format] + 2 * c], &value, 2);
            }
        h += point;
    }
    return h;
}

std::vector<Sample> lasFiles() {
    return {{"quad_f0.las", las(2, 0, 0.0)}, {"quad_f2_utm.las", las(2, 2, 4418000.0)}, {"quad_f7.las", las(4, 7, 100.0)}};
}

// A 3D Tiles b3dm or pnts tile: 28-byte header, feature table (JSON padded with spaces, binary
// with NULs, to 8 bytes), a batch table JSON, then `body` (a b3dm's GLB).
std::string tile(const std::string& magic, std::string featureJson, std::string featureBinary, const std::string& body) {
    while (featureJson.size() % 8) featureJson.push_back(' ');
    while (featureBinary.size() % 8) featureBinary.push_back('\0');
    const std::string batchJson = R"({"id":[7]})" + std::string(6, ' ');
    std::string out = magic;
    put(out, std::uint32_t(1));
    put(out, std::uint32_t(28 + featureJson.size() + featureBinary.size() + batchJson.size() + body.size()));
    for (std::size_t length : {featureJson.size(), featureBinary.size(), batchJson.size(), std::size_t(0)}) put(out, std::uint32_t(length));
    return out + featureJson + featureBinary + batchJson + body;
}

// The quad's corners as a point cloud: float positions and RGB, or quantized positions, RGB565
// and octahedral normals.
std::string pnts(bool quantized) {
    std::string binary;
    if (!quantized) {
        for (const auto& v : kQuad)
            for (float c : v) put(binary, c);
        for (const auto& c : kQuadColors) binary.append(reinterpret_cast<const char*>(c), 3);
        return tile("pnts", R"({"POINTS_LENGTH":4,"RTC_CENTER":[1215011.5,-4736309.25,4081602.0],)"
                            R"("POSITION":{"byteOffset":0},"RGB":{"byteOffset":48}})", binary, "");
    }
    for (const auto& v : kQuad)
        for (float c : v) put(binary, std::uint16_t(c * 65535));
    for (const auto& c : kQuadColors) put(binary, std::uint16_t((c[0] >> 3) << 11 | (c[1] >> 2) << 5 | c[2] >> 3));
    for (int v = 0; v < 4; ++v) binary += {char(128), char(128)};
    return tile("pnts", R"({"POINTS_LENGTH":4,"POSITION_QUANTIZED":{"byteOffset":0},"QUANTIZED_VOLUME_OFFSET":[448000,4418000,40],)"
                        R"("QUANTIZED_VOLUME_SCALE":[2,2,1],"RGB565":{"byteOffset":24},"NORMAL_OCT16P":{"byteOffset":32}})",
                binary, "");
}

std::vector<Sample> tileFiles() {
    const std::string quadGlb = glb(plainGltfJson(R"({"byteLength":60})", ""), quadBuffer());
    const std::string b3dm = tile("b3dm", R"({"BATCH_LENGTH":0,"RTC_CENTER":[100.5,200.25,300]})", "", quadGlb);
    // The pre-1.0 header: magic, version, byteLength, batchLength, batchTableByteLength.
    std::string legacy = "b3dm";
    put(legacy, std::uint32_t(1));
    put(legacy, std::uint32_t(20 + 16 + quadGlb.size()));
    put(legacy, std::uint32_t(1));
    put(legacy, std::uint32_t(16));
    legacy += R"({"id":[7]})" + std::string(6, ' ') + quadGlb;
    const std::string cloud = pnts(false);
    std::string cmpt = "cmpt";
    put(cmpt, std::uint32_t(1));
    put(cmpt, std::uint32_t(16 + b3dm.size() + cloud.size()));
    put(cmpt, std::uint32_t(2));
    cmpt += b3dm + cloud;
    return {{"quad.b3dm", b3dm}, {"quad_legacy.b3dm", legacy}, {"quad.pnts", cloud}, {"quad_quantized.pnts", pnts(true)},
            {"quad_and_points.cmpt", cmpt}};
}

std::vector<Sample> modelFiles() {
    std::vector<Sample> out;
    for (auto&& list : {plyFiles(), objFiles(), stlFiles(), offFiles(), daeFiles(), gltfFiles(), glbFiles(), lasFiles(), tileFiles()})
        out.insert(out.end(), list.begin(), list.end());
    return out;
}

std::vector<Sample> siteFiles() {
    return {{"full.site.json", R"({"format":"axisview-site","version":"1.0",
"name":{"zh":"北京中轴线","en":"Beijing Central Axis"},"description":{"en":"demo"},
"origin":{"lat":39.868,"lon":116.3975,"height":44.0},
"models":[{"id":"wumen","source":"models/wumen.glb","up":"y","position":[1.5,200,0],"rotation":[0,0,90],"scale":2,
           "shading":"unlit","visible":true,"custom":{"a":1}},
          {"id":"scan","source":"/abs/scan.ply","up":"z","scale":[1,2,3]}],
"start":{"position":[0,-10,1.7],"yaw":0,"pitch":-5,"fov":60},"overview":{"position":[0,0,500],"yaw":90,"pitch":-60,"fov":45},
"pois":"central-axis.pois.json",
"tours":[{"id":"attract","name":{"zh":"导览","en":"Tour"},"stops":[{"poi":"wumen","dwell":6.0},{"poi":"scan"}]}],
"kiosk":{"idle_seconds":90,"languages":["zh","en"],"attract_tour":"attract","exit_pin":"2024"},"extra":[1,2]})"},
            {"minimal.site.json", R"({"format":"axisview-site","version":"1.2","models":[]})"},
            {"broken_entries.site.json", R"({"format":"axisview-site","version":"1.0","models":[{"id":""},{"id":"a","source":7},
{"id":"b","source":"b.ply","scale":-1}],"tours":[{"id":"t","stops":[{"poi":1,"dwell":-2}]}],"start":{"position":[0,0]}})"}};
}

std::vector<Sample> poiFiles() {
    return {{"full.pois.json", R"({"format":"axisview-pois","version":"1.0","pois":[
{"id":"wumen","anchor":{"model":"wumen","position":[0,100,12],"normal":[0,-1,0]},
 "title":{"zh":"午门","en":"Meridian Gate"},"body":{"zh":"**正门**","en":"The *main* gate\n\n- a\n- b"},
 "media":[{"path":"media/wumen.jpg","caption":{"en":"Gate"}}],
 "viewpoint":{"position":[0,80,2],"yaw":0,"pitch":10,"fov":50},"tags":["gate","palace"],
 "created":"2024-07-27T00:00:00Z","modified":"2024-07-28","note":"kept"},
{"id":"b","anchor":{"model":"","position":[1,2,3]},"title":{"en":"B"}}],"extra":true})"},
            {"minimal.pois.json", R"({"format":"axisview-pois","version":"1.0","pois":[]})"},
            {"broken.pois.json", R"({"format":"axisview-pois","version":"1.9","pois":[{"id":"a","anchor":{"normal":[0,0,0]}},
{"id":"a"},{"title":"x"},{"id":"c","created":"yesterday","tags":[1]}]})"}};
}

std::vector<Sample> pathFiles() {
    return {{"full.path.json", R"({"format":"axisview-path","version":"1.0","name":"attract",
"interpolation":{"position":"centripetal-catmull-rom","orientation":"squad","timing":"constant-speed","ease":1.5},
"output":{"fps":30,"size":[1920,1080],"quality":20},
"keyframes":[{"time":0,"position":[0,-100,2],"yaw":0,"pitch":0,"roll":0,"fov":60},
             {"time":4,"position":[0,0,10],"yaw":90,"pitch":-20,"roll":5,"fov":50},
             {"time":6,"position":[0,0,10],"yaw":180,"pitch":-20,"fov":50},
             {"time":10,"position":[50,80,3],"yaw":-90,"pitch":30,"fov":70}]})"},
            {"slerp.path.json", R"({"format":"axisview-path","version":"1.0",
"interpolation":{"orientation":"slerp","timing":"key-times","ease":0},
"keyframes":[{"time":0,"position":[0,0,0]},{"time":1,"position":[1,0,0],"yaw":359}]})"},
            {"single.path.json", R"({"format":"axisview-path","version":"1.0","keyframes":[{"time":3,"position":[0,0,0]}]})"}};
}

}  // namespace axis::samples
