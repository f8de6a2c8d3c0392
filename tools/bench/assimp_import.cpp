// axis_bench_assimp FILE: the baseline for `axisview bake` in textured_scans.sh. Times
// Assimp::Importer::ReadFile of FILE with the post-processing engine/asset/assimp_import.cpp asks for
// and prints "assimp_seconds <s>" on stdout. Assimp only reads the geometry and notes the image
// paths; it decodes no texture, whereas the bake decodes each atlas and builds its mip levels.
#include <chrono>
#include <cstdio>

#include <assimp/Importer.hpp>
#include <assimp/postprocess.h>
#include <assimp/scene.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: axis_bench_assimp FILE\n");
        return 2;
    }
    const unsigned flags = aiProcess_Triangulate | aiProcess_GenSmoothNormals | aiProcess_JoinIdenticalVertices |
                           aiProcess_SortByPType | aiProcess_ValidateDataStructure | aiProcess_FlipUVs;
    const auto start = std::chrono::steady_clock::now();
    Assimp::Importer importer;
    importer.SetPropertyInteger(AI_CONFIG_PP_SBP_REMOVE, aiPrimitiveType_LINE);
    const aiScene* scene = importer.ReadFile(argv[1], flags);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (!scene) {
        std::fprintf(stderr, "axis_bench_assimp: %s: %s\n", argv[1], importer.GetErrorString());
        return 1;
    }
    unsigned long long triangles = 0;
    for (unsigned i = 0; i < scene->mNumMeshes; ++i) triangles += scene->mMeshes[i]->mNumFaces;
    std::fprintf(stderr, "%u meshes, %llu faces, %u materials\n", scene->mNumMeshes, triangles, scene->mNumMaterials);
    std::printf("assimp_seconds %.3f\n", seconds);
    return 0;
}
