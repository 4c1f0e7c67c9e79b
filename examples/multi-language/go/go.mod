module apvm-multi-language-go

go 1.25

require (
	example.com/pulumi-azure-persistent-vm/sdk/go v0.0.0-00010101000000-000000000000
	github.com/pulumi/pulumi/sdk/v3 v3.270.0
)

replace example.com/pulumi-azure-persistent-vm/sdk/go => ./sdks/azure-persistent-vm
